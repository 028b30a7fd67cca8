package io.groupdeal.domain.throttle;

import io.groupdeal.domain.shared.NativeSql;
import io.groupdeal.domain.shared.Row;
import io.groupdeal.domain.throttle.Limit.Window;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * The attempts of each subject, one row per subject in the database so that every server instance counts the same
 * ones. {@link #lock} holds the subject's row until the caller's transaction ends, so that attempts of one subject
 * are counted one after the other, also across instances: none is decided on a count that another one is changing.
 */
@ApplicationScoped
public class Attempts {

    @Inject
    private NativeSql sql;

    /** The subject's window (null when it has none), its row locked for the rest of the transaction. */
    public Window lock(String subject) {
        // Makes the row exist, so that there is a row to lock even for a subject's first attempt (READ COMMITTED takes
        // no gap locks, so a locking read of a missing row would lock nothing). ON DUPLICATE KEY UPDATE locks an
        // existing row exclusively at once; INSERT IGNORE would take a shared lock, and two attempts holding one each
        // would deadlock on the locking read that follows.
        sql.update(
                "INSERT INTO throttle (subject, window_start, attempts) VALUES (?, ?, 0)"
                        + " ON DUPLICATE KEY UPDATE attempts = attempts",
                List.of(subject, Instant.EPOCH));
        return window(sql.rows(
                "SELECT window_start, attempts FROM throttle WHERE subject = ? FOR UPDATE",
                List.of(subject),
                Attempts::window));
    }

    /** The subject's window as committed, without a lock (null when it has none). */
    public Window read(String subject) {
        return window(sql.rows(
                "SELECT window_start, attempts FROM throttle WHERE subject = ?", List.of(subject), Attempts::window));
    }

    public void save(String subject, Window window) {
        sql.update(
                "UPDATE throttle SET window_start = ?, attempts = ? WHERE subject = ?",
                List.of(window.start(), window.attempts(), subject));
    }

    /** Gives back one attempt counted in the window that started at {@code start}; none when that window is over. */
    public void giveBack(String subject, Instant start) {
        sql.update(
                "UPDATE throttle SET attempts = attempts - 1 WHERE subject = ? AND window_start = ? AND attempts > 0",
                List.of(subject, start));
    }

    /** Deletes the rows of windows that started before {@code before}: they decide nothing any more. */
    public int deleteStartedBefore(Instant before) {
        return sql.update("DELETE FROM throttle WHERE window_start < ?", List.of(before));
    }

    /** The subject's row as a window; an empty list (no row) or a null element (no attempt counted) is no window. */
    private static Window window(List<Window> rows) {
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static Window window(Row r) {
        int attempts = r.intValue("attempts");
        return attempts == 0 ? null : new Window(r.instant("window_start"), attempts);
    }
}
