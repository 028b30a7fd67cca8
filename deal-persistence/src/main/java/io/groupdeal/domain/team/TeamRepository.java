package io.groupdeal.domain.team;

import io.groupdeal.domain.deal.TeamTerms;
import io.groupdeal.domain.order.Order;
import io.groupdeal.domain.shared.NativeSql;
import io.groupdeal.domain.shared.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Teams and their members. Native statements naming {@code tenant_id}; the rules that concurrency could break are
 * conditional updates and unique keys: a seat is taken only while {@code member_count < size} on an open team that
 * has not expired (so a team never takes more than its size), a buyer is in one open team per deal (the key
 * {@code uk_team_member_open}), and a team leaves OPEN once, to COMPLETE or FAILED, whoever tries first.
 */
@ApplicationScoped
public class TeamRepository {

    private static final String COLUMNS =
            "tenant_id, id, deal_id, option_id, size, unit_price, status, member_count," + " expires_at, created_at";

    @Inject
    private NativeSql sql;

    /** The deal's team buy as its merchant offers it ({@link TeamTerms#NONE} when it offers none). */
    public TeamTerms offer(String tenantId, String dealId) {
        return sql.first(
                        "SELECT team_size, team_price, team_window_minutes FROM deal WHERE tenant_id = ? AND id = ?",
                        List.of(tenantId, dealId),
                        r -> r.nullableInt("team_size") == null
                                ? TeamTerms.NONE
                                : new TeamTerms(
                                        r.nullableInt("team_size"),
                                        r.decimal("team_price"),
                                        r.nullableInt("team_window_minutes")))
                .orElse(TeamTerms.NONE);
    }

    /** A new team with its first seat taken (the starter's). */
    public void start(Team team) {
        sql.update(
                "INSERT INTO team (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, 'OPEN', 1, ?, ?)",
                Arrays.asList(
                        team.tenantId(),
                        team.id(),
                        team.dealId(),
                        team.optionId(),
                        team.size(),
                        team.unitPrice(),
                        team.expiresAt(),
                        team.createdAt()));
    }

    /** Takes a seat: true only while the team is open, not expired and not full. */
    public boolean takeSeat(String tenantId, String teamId, Instant now) {
        return sql.changesOne(
                "UPDATE team SET member_count = member_count + 1 WHERE tenant_id = ? AND id = ?"
                        + " AND status = 'OPEN' AND member_count < size AND expires_at > ?",
                List.of(tenantId, teamId, now));
    }

    /**
     * The buyer's seat in the team, paid by the buyer's order; false when the buyer is in an open team of the deal. The
     * team names its tenant and deal, the order its buyer and itself: no two ids of one type are passed side by side.
     */
    public boolean addMember(Team team, Order paidBy, Instant now) {
        return sql.insertUnlessDuplicate(
                "INSERT INTO team_member (tenant_id, team_id, deal_id, buyer_id, order_id,"
                        + " joined_at, open_seat) VALUES (?, ?, ?, ?, ?, ?, 1)",
                List.of(team.tenantId(), team.id(), team.dealId(), paidBy.buyerId(), paidBy.id(), now));
    }

    /**
     * Gives back the seat of an order whose payment never came (declined, failed): the member leaves, and an open team
     * counts one seat less; a team left empty (its starter's card was declined) is removed. True when there was a seat.
     */
    public boolean freeSeat(String tenantId, String orderId) {
        Optional<String> teamId = teamOfOrder(tenantId, orderId);
        if (teamId.isEmpty()) {
            return false;
        }
        sql.update("DELETE FROM team_member WHERE tenant_id = ? AND order_id = ?", List.of(tenantId, orderId));
        sql.update(
                "UPDATE team SET member_count = member_count - 1 WHERE tenant_id = ? AND id = ? AND member_count > 0",
                List.of(tenantId, teamId.get()));
        sql.update(
                "DELETE FROM team WHERE tenant_id = ? AND id = ? AND member_count = 0 AND status = 'OPEN'",
                List.of(tenantId, teamId.get()));
        return true;
    }

    public Optional<String> teamOfOrder(String tenantId, String orderId) {
        return sql.first(
                "SELECT team_id FROM team_member WHERE tenant_id = ? AND order_id = ?",
                List.of(tenantId, orderId),
                r -> r.string("team_id"));
    }

    /** Locks the team's row until the transaction ends, so the members' payments are counted one after the other. */
    public Optional<Team> lock(String tenantId, String teamId) {
        return read(tenantId, teamId, " FOR UPDATE");
    }

    /** Like {@link #lock}, but empty at once when another transaction holds the row (a job on another instance). */
    public Optional<Team> lockUnlessTaken(String tenantId, String teamId) {
        return read(tenantId, teamId, " FOR UPDATE SKIP LOCKED");
    }

    /** A team by its id, whatever its tenant (the share link is public). */
    public Optional<Team> find(String teamId) {
        return sql.first("SELECT " + COLUMNS + " FROM team WHERE id = ?", List.of(teamId), TeamRepository::team);
    }

    public Optional<Team> find(String tenantId, String teamId) {
        return read(tenantId, teamId, "");
    }

    /** The tenant's team, read with {@code locking} (a locking clause, or none). */
    private Optional<Team> read(String tenantId, String teamId, String locking) {
        return sql.first(
                "SELECT " + COLUMNS + " FROM team WHERE tenant_id = ? AND id = ?" + locking,
                List.of(tenantId, teamId),
                TeamRepository::team);
    }

    /** The team's members, first to join first, with the first word of their names. */
    public List<TeamMember> members(String tenantId, String teamId) {
        return sql.rows(
                "SELECT a.name, m.joined_at FROM team_member m JOIN account a ON a.id = m.buyer_id"
                        + " WHERE m.tenant_id = ? AND m.team_id = ? ORDER BY m.joined_at, m.buyer_id",
                List.of(tenantId, teamId),
                r -> new TeamMember(TeamMember.firstName(r.string("name")), r.instant("joined_at")));
    }

    /** The orders that pay the team's seats. */
    public List<String> memberOrders(String tenantId, String teamId) {
        return sql.rows(
                "SELECT order_id FROM team_member WHERE tenant_id = ? AND team_id = ? ORDER BY joined_at, order_id",
                List.of(tenantId, teamId),
                r -> r.string("order_id"));
    }

    /** How many of the team's seats are paid (their orders authorised). */
    public int paidSeats(String tenantId, String teamId) {
        return sql.one(
                "SELECT COUNT(*) AS n FROM team_member m JOIN purchase_order o ON o.tenant_id = m.tenant_id"
                        + " AND o.id = m.order_id WHERE m.tenant_id = ? AND m.team_id = ? AND o.status IN ('PENDING', 'CONFIRMED')",
                List.of(tenantId, teamId),
                r -> r.intValue("n"));
    }

    /** OPEN → COMPLETE or FAILED; true for the one caller that moved it. Its members are free to join other teams. */
    public boolean close(String tenantId, String teamId, TeamStatus to, Instant now) {
        boolean moved = sql.changesOne(
                "UPDATE team SET status = ?, closed_at = ? WHERE tenant_id = ? AND id = ? AND status = 'OPEN'",
                List.of(to.name(), now, tenantId, teamId));
        if (moved) {
            sql.update(
                    "UPDATE team_member SET open_seat = NULL WHERE tenant_id = ? AND team_id = ?",
                    List.of(tenantId, teamId));
        }
        return moved;
    }

    /** Nothing is left to capture or void for the team's orders. */
    public void settled(String tenantId, String teamId) {
        sql.update(
                "UPDATE team SET settled = TRUE WHERE tenant_id = ? AND id = ? AND status <> 'OPEN'",
                List.of(tenantId, teamId));
    }

    /**
     * Teams the job looks at, across tenants: open ones past their end or with every seat taken, open ones holding a
     * seat whose order the reconciler released unpaid (the seat goes back to the team), closed ones whose orders are
     * not all captured or voided yet.
     */
    public List<Team> due(Instant now, int limit) {
        return sql.rows(
                "(SELECT " + COLUMNS + " FROM team WHERE status = 'OPEN' AND expires_at <= ? LIMIT ?)"
                        + " UNION (SELECT " + COLUMNS
                        + " FROM team WHERE settled = FALSE AND status IN ('COMPLETE', 'FAILED') LIMIT ?)"
                        + " UNION (SELECT " + COLUMNS + " FROM team WHERE status = 'OPEN' AND member_count = size"
                        + " AND created_at <= ? LIMIT ?)"
                        + " UNION (SELECT " + prefixed("t")
                        + " FROM team t JOIN team_member m ON m.tenant_id = t.tenant_id"
                        + " AND m.team_id = t.id JOIN purchase_order o ON o.tenant_id = m.tenant_id AND o.id = m.order_id"
                        + " WHERE t.status = 'OPEN' AND (o.status = 'DECLINED' OR (o.status = 'CANCELLED' AND o.payment_ref IS NULL))"
                        + " LIMIT ?)",
                List.of(now, limit, limit, now.minusSeconds(5), limit, limit),
                TeamRepository::team);
    }

    private static String prefixed(String alias) {
        return java.util.Arrays.stream(COLUMNS.split(","))
                .map(c -> alias + "." + c.strip())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** A deal's teams, newest first, at most {@code limit}. */
    public List<Team> ofDeal(String tenantId, String dealId, int limit) {
        return sql.rows(
                "SELECT " + COLUMNS + " FROM team WHERE tenant_id = ? AND deal_id = ? ORDER BY created_at DESC, id"
                        + " LIMIT ?",
                List.of(tenantId, dealId, limit),
                TeamRepository::team);
    }

    /** How many of a deal's teams formed (all), and how many of them are COMPLETE and FAILED. */
    public record Counts(long formed, long complete, long failed) {}

    public Counts countsOfDeal(String tenantId, String dealId) {
        return sql.one(
                "SELECT COUNT(*) AS formed, COALESCE(SUM(status = 'COMPLETE'), 0) AS complete,"
                        + " COALESCE(SUM(status = 'FAILED'), 0) AS failed FROM team WHERE tenant_id = ? AND deal_id = ?",
                List.of(tenantId, dealId),
                r -> new Counts(r.count("formed"), r.count("complete"), r.count("failed")));
    }

    private static Team team(Row r) {
        return new Team(
                r.string("tenant_id"),
                r.string("id"),
                r.string("deal_id"),
                r.string("option_id"),
                r.intValue("size"),
                r.decimal("unit_price"),
                TeamStatus.valueOf(r.string("status")),
                r.intValue("member_count"),
                r.instant("expires_at"),
                r.instant("created_at"));
    }
}
