package io.groupdeal.interfaces.web;

import io.groupdeal.application.PageRequest;
import io.groupdeal.application.counter.CounterLookup;
import io.groupdeal.application.counter.CounterService;
import io.groupdeal.application.problem.Problem;
import io.groupdeal.domain.redemption.CounterCoupon;
import io.groupdeal.domain.redemption.Redemption;
import io.groupdeal.domain.store.Store;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The counter of one store: one input for typed or scanned codes (Enter looks it up), a large green or red answer,
 * "Redeem" that also answers to Enter, and today's redemptions with undo while the window is open. Staff with
 * several stores choose one first ({@code ?store=}). Every word comes from the pages' bundle ({@code counter.*}), in the
 * page's language; a refusal is worded by its problem type, with the service's words only for a type the bundle does
 * not know.
 */
@Named
@ViewScoped
public class CounterPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    /** A store the caller may work at. */
    public record StoreOption(String id, String name, String timeZone) implements Serializable {}

    /** The answer to the last code: green (redeemable) with what to hand over, or red with the reason. */
    public record Answer(boolean ok, String code, String title, String detail, String finePrint, String idempotencyKey)
            implements Serializable {}

    /** A row of today's list. */
    public record Row(
            String id,
            String time,
            String code,
            String dealTitle,
            String staffName,
            boolean undone,
            String undoNote,
            boolean undoable)
            implements Serializable {}

    @Inject
    private CounterService counter;

    @Inject
    private transient Clock clock;

    private String storeId;
    private List<StoreOption> stores;
    private String code;
    private Answer answer;
    private final Map<String, String> reasons = new HashMap<>();
    private transient List<Row> today;

    /** Chooses the store: the one asked for when it is the caller's, else the only one there is. */
    public void init() {
        stores = counter.stores().stream().map(CounterPage::option).toList();
        if (stores.stream().noneMatch(s -> s.id().equals(storeId))) {
            storeId = stores.size() == 1 ? stores.get(0).id() : null;
        }
    }

    public void check() {
        today = null;
        String typed = code;
        code = null;
        answer = null;
        if (typed == null || typed.isBlank()) {
            return;
        }
        try {
            answer = answer(counter.lookup(typed, storeId));
        } catch (Problem refused) {
            answer = new Answer(
                    false,
                    typed.strip().toUpperCase(Locale.ROOT),
                    Messages.title(refused),
                    Messages.words(refused),
                    null,
                    null);
        }
    }

    public void redeem() {
        if (answer == null || !answer.ok()) {
            return;
        }
        Answer redeeming = answer;
        answer = null;
        today = null;
        try {
            Redemption done = counter.redeem(redeeming.idempotencyKey(), redeeming.code(), storeId);
            Messages.info(words("counter.redeemed", done.code(), done.dealTitle()));
        } catch (Problem refused) {
            answer = new Answer(
                    false,
                    redeeming.code(),
                    redeeming.title() != null ? redeeming.title() : Messages.title(refused),
                    Messages.words(refused),
                    null,
                    null);
        }
    }

    public void cancel() {
        answer = null;
    }

    public void undo(String redemptionId) {
        today = null;
        answer = null;
        if (Messages.attempt(() -> counter.undo(redemptionId, reasons.get(redemptionId)))) {
            reasons.remove(redemptionId);
            Messages.info(words("counter.undoDone"));
        }
    }

    public List<Row> getToday() {
        if (today == null) {
            today = storeId == null ? List.of() : rows();
        }
        return today;
    }

    private List<Row> rows() {
        ZoneId zone = ZoneId.of(getStore().timeZone());
        var now = clock.instant();
        var window = counter.undoWindow(); // once, not a boundary call per row
        return counter.atStore(storeId, null, new PageRequest(0, PageRequest.MAX_SIZE)).items().stream()
                .map(r -> new Row(
                        r.id(),
                        TIME.format(r.redeemedAt().atZone(zone)),
                        r.code(),
                        r.dealTitle(),
                        r.staffName(),
                        r.undone(),
                        r.undone()
                                ? words(
                                        "counter.undoneNote",
                                        TIME.format(r.undoneAt().atZone(zone)),
                                        r.undoneByName(),
                                        r.undoReason())
                                : null,
                        !r.undone() && now.isBefore(r.redeemedAt().plus(window))))
                .toList();
    }

    /** The element that has the keyboard: "Redeem" after a green answer, else the code input. */
    public String getFocusId() {
        return answer != null && answer.ok() ? "redeem:redeem" : "lookup:code";
    }

    public long getUndoMinutes() {
        return counter.undoWindow().toMinutes();
    }

    public StoreOption getStore() {
        return stores == null
                ? null
                : stores.stream()
                        .filter(s -> s.id().equals(storeId))
                        .findFirst()
                        .orElse(null);
    }

    private Answer answer(CounterLookup lookup) {
        CounterCoupon c = lookup.coupon();
        String until = day(c.validUntil());
        String detail = c.orderQuantity() > 1
                ? words("counter.detail.order", c.orderQuantity(), until)
                : words("counter.detail.one", until);
        return lookup.redeemable()
                ? new Answer(
                        true,
                        c.code().printed(),
                        c.title(),
                        detail,
                        c.finePrint(),
                        UUID.randomUUID().toString())
                : new Answer(false, c.code().printed(), c.title(), Messages.words(lookup.refusal()), null, null);
    }

    /** A sentence of the page's bundle with its arguments, in the page's language. */
    public String words(String key, Object... arguments) {
        return Words.of(key, arguments);
    }

    private String day(Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(Words.locale())
                .format(instant.atZone(zone()));
    }

    private ZoneId zone() {
        return ZoneId.of(getStore().timeZone());
    }

    private static StoreOption option(Store store) {
        return new StoreOption(store.id(), store.name(), store.timeZone());
    }

    public String getStoreId() {
        return storeId;
    }

    public void setStoreId(String storeId) {
        this.storeId = storeId;
    }

    public List<StoreOption> getStores() {
        return stores;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public Answer getAnswer() {
        return answer;
    }

    public Map<String, String> getReasons() {
        return reasons;
    }
}
