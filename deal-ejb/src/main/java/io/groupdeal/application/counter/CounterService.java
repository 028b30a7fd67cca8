package io.groupdeal.application.counter;

import io.groupdeal.application.Idempotency;
import io.groupdeal.application.PageOf;
import io.groupdeal.application.PageRequest;
import io.groupdeal.application.Periods;
import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.problem.NotPermitted;
import io.groupdeal.application.problem.NotPossible;
import io.groupdeal.application.problem.Problem;
import io.groupdeal.application.problem.Reason;
import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.CallerAccount;
import io.groupdeal.application.security.TenantScoped;
import io.groupdeal.domain.account.Role;
import io.groupdeal.domain.coupon.CouponCode;
import io.groupdeal.domain.deal.DealStatus;
import io.groupdeal.domain.redemption.CounterCoupon;
import io.groupdeal.domain.redemption.CounterDesk;
import io.groupdeal.domain.redemption.CounterStore;
import io.groupdeal.domain.redemption.CounterWindow;
import io.groupdeal.domain.redemption.Redemption;
import io.groupdeal.domain.redemption.RedemptionRepository;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.shared.PlainText;
import io.groupdeal.domain.shared.TenantId;
import io.groupdeal.domain.staff.StaffRepository;
import io.groupdeal.domain.store.Store;
import io.groupdeal.domain.store.StoreRepository;
import io.groupdeal.domain.tenant.TenantRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The counter of a store, on the caller's tenant only. Staff work at the stores they are assigned to, a merchant
 * admin at any store of the business. A redemption is one conditional update of an ACTIVE, valid coupon, so of two
 * counters at the same moment one wins and the other is told when and where; every redemption and undo is an event
 * in an append-only history. Another tenant's code is answered exactly like an unknown one, and unknown or mistyped
 * codes count towards the account's limit ({@link GuessingGuard}).
 */
@Stateless
@RolesAllowed({"STAFF", "MERCHANT_ADMIN"})
@TenantScoped
public class CounterService {

    static final int MAX_REASON = 300;
    private static final int MAX_STORES = 500;

    @Inject
    private RedemptionRepository redemptions;

    @Inject
    private StaffRepository staff;

    @Inject
    private StoreRepository stores;

    @Inject
    private TenantRepository tenants;

    @EJB
    private GuessingGuard guard;

    @Inject
    private Caller caller;

    @Inject
    private Clock clock;

    /** The stores where the caller works the counter: a staff member's own stores, every store for an admin. */
    public List<Store> stores() {
        CallerAccount who = who();
        if (who.role() == Role.MERCHANT_ADMIN) {
            return stores.page(0, MAX_STORES);
        }
        return staff.storeIdsOf(List.of(who.accountId())).getOrDefault(who.accountId(), List.of()).stream()
                .map(stores::find)
                .flatMap(Optional::stream)
                .toList();
    }

    /** Looks a code up at a store without changing anything. */
    public CounterLookup lookup(String code, String storeId) {
        CallerAccount who = who();
        Optional<CouponCode> parsed = CouponCode.parse(code);
        Desk desk = desk(who, storeId, parsed, null);
        CounterStore store = desk.store();
        CounterCoupon coupon = known(who, parsed, desk.read());
        Optional<Problem> refusal = refusal(coupon, store, now());
        return new CounterLookup(coupon, refusal.orElse(null));
    }

    /**
     * Redeems the coupon at the store, exactly once. With an idempotency key, the same request again answers the
     * first redemption (a scanner that fires twice); the key with another code or store is 422.
     *
     * <p>Outside any JTA transaction, three statements when all is well: the checks in one read ({@link
     * RedemptionRepository#desk}, which also finds a key used before), then, as one short transaction of their own
     * ({@link RedemptionRepository#redeem}), the conditional update that decides the redemption, locks the store
     * against its deletion and marks the dashboard's hours, and the event, which carries the key. With the token's
     * read that is six requests to the database (a JTA transaction would add one: {@code NativeSql#transaction}).
     * The answer is made from what was read and written, not read back. One redemption per coupon: the update's row count. One answer per key: the
     * event's unique key. A parallel request with the same key and code waits for the coupon row and then finds it
     * redeemed; it reads the desk again and replays the key's redemption instead of answering 409. One with the same
     * key and another code waits for the event's unique key and then answers 422 (or the replay), its own update
     * undone.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Redemption redeem(String idempotencyKey, String code, String storeId) {
        CallerAccount who = who();
        String key = Idempotency.optional(idempotencyKey);
        Optional<CouponCode> parsed = CouponCode.parse(code);
        Desk desk = desk(who, storeId, parsed, key);
        CounterStore store = desk.store();
        CounterCoupon coupon = known(who, parsed, desk.read());
        if (key != null && desk.read().keyUse().isPresent()) {
            return replay(desk.read().keyUse().get(), coupon, store);
        }
        String id = Ids.newId();
        Instant now = now();
        Optional<Problem> refusal = refusal(coupon, store, now);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        RedemptionRepository.Outcome outcome =
                redemptions.redeem(who.tenantId(), id, coupon.id(), store.id(), who.accountId(), now, key);
        if (outcome == RedemptionRepository.Outcome.KEY_USED) {
            // The key was used meanwhile by a parallel request that committed first: this redemption was rolled
            // back, and the key's answer is given.
            return replay(
                    redemptions.keyUse(who.tenantId(), who.accountId(), key).orElseThrow(), coupon, store);
        }
        if (outcome == RedemptionRepository.Outcome.NOT_REDEEMABLE) {
            // Someone else came first (perhaps this very key), or the store was archived meanwhile: say which, from
            // the rows as they are now.
            CounterDesk moved = redemptions.desk(
                    who.tenantId(),
                    who.accountId(),
                    GuessingGuard.subject(who.accountId()),
                    store.id(),
                    coupon.code(),
                    key);
            if (key != null && moved.keyUse().isPresent()) {
                return replay(moved.keyUse().get(), coupon, store);
            }
            if (moved.store().isEmpty()) {
                throw notAssigned();
            }
            throw moved.coupon()
                    .flatMap(c -> refusal(c, store, now))
                    .orElseGet(() -> new Clash("already-redeemed", Reason.of("already-redeemed.just-now")));
        }
        return new Redemption(
                id,
                coupon.id(),
                coupon.code().printed(),
                coupon.dealTitle(),
                store.id(),
                store.name(),
                who.accountId(),
                who.name(),
                now,
                null,
                null,
                null);
    }

    /**
     * Undoes a redemption within the tenant's undo window, with a reason: the coupon is ACTIVE again and the history
     * keeps both events. Staff undo only at their own stores. Never on a cancelled (or failed) deal: the coupon would be
     * ACTIVE on a dead deal with its money kept, since the cancellation's settlement pays back only the coupons it
     * finds unused ({@link UndoRule}). The deal row is read with a shared lock, so an undo and a cancellation in
     * parallel are one before the other: undone first, the cancellation refunds the coupon; cancelled first, the undo
     * is refused and the coupon stays redeemed.
     */
    public Redemption undo(String id, String reason) {
        CallerAccount who = who();
        String why = requireReason(reason);
        Redemption redemption = (Ids.isWellFormed(id)
                        ? redemptions.find(who.tenantId(), id)
                        : Optional.<Redemption>empty())
                .orElseThrow(() -> new NotFound("redemption"));
        CounterStore store = counterStore(who, redemption.storeId());
        if (redemption.undone()) {
            throw alreadyUndone(redemption, store);
        }
        Instant now = now();
        Instant until = undoableUntil(redemption);
        if (!now.isBefore(until)) {
            throw new Clash(
                    "undo-window-passed",
                    Reason.of(
                            "undo-window-passed",
                            undoWindow().toMinutes(),
                            redemption.redeemedAt().atZone(zone(store))),
                    Map.of("undoableUntil", until.toString()));
        }
        DealStatus deal =
                redemptions.lockDealOf(who.tenantId(), redemption.couponId()).orElseThrow();
        if (UndoRule.refusedOn(deal)) {
            throw dealClosed(deal);
        }
        if (!redemptions.undo(who.tenantId(), redemption, Ids.newId(), who.accountId(), why, now)) {
            throw alreadyUndone(redemptions.find(who.tenantId(), id).orElseThrow(), store);
        }
        return redemptions.find(who.tenantId(), id).orElseThrow();
    }

    /** A store's redemptions on a day of the store's calendar (today when no date is given), newest first. */
    public PageOf<Redemption> atStore(String storeId, LocalDate date, PageRequest page) {
        Periods.requireDay(date, "date");
        CounterStore store = counterStore(who(), storeId);
        ZoneId zone = zone(store);
        LocalDate day = date != null ? date : LocalDate.now(clock.withZone(zone));
        return history(
                store.id(),
                day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant(),
                page);
    }

    /**
     * The merchant's redemption history from {@code from} to {@code to} (days of {@link #historyZone}, inclusive, at
     * most {@value Periods#MAX_DAYS} days apart), at one store or at all of them ({@code storeId} null).
     */
    @RolesAllowed("MERCHANT_ADMIN")
    public PageOf<Redemption> history(String storeId, LocalDate from, LocalDate to, PageRequest page) {
        Periods.require(from, to);
        CallerAccount who = who();
        String store = storeId == null || storeId.isBlank()
                ? null
                : counterStore(who, storeId).id();
        ZoneId zone = historyZone(store);
        return history(
                store,
                from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(),
                page);
    }

    /**
     * The calendar of the history's days: a redemption happens at a store, so one store's history counts that store's
     * days, as the counter does ({@link #atStore}); all stores count the stores' days when they share a zone, else the
     * business's days (a redemption near midnight may then fall on the neighbouring day of its store).
     */
    @RolesAllowed("MERCHANT_ADMIN")
    public ZoneId historyZone(String storeId) {
        CallerAccount who = who();
        if (storeId != null && !storeId.isBlank()) {
            return zone(counterStore(who, storeId));
        }
        List<String> zones = stores().stream().map(Store::timeZone).distinct().toList();
        return zones.size() == 1
                ? ZoneId.of(zones.get(0))
                : tenants.find(who.tenantId()).orElseThrow().timeZone();
    }

    /** The business's undo window, as read with the caller's token at the start of the request. */
    public Duration undoWindow() {
        return who().undoWindow();
    }

    public Instant undoableUntil(Redemption redemption) {
        return redemption.redeemedAt().plus(undoWindow());
    }

    private PageOf<Redemption> history(String storeId, Instant from, Instant to, PageRequest page) {
        CounterWindow window = new CounterWindow(new TenantId(who().tenantId()), storeId, from, to);
        return new PageOf<>(
                redemptions.between(window, page.page(), page.size()),
                page.page(),
                page.size(),
                redemptions.countBetween(window));
    }

    /**
     * The answer of a key used before: its redemption when this request is the same (the same coupon, so the same
     * code, at the same store), else 422 {@code idempotency-key-reused}.
     */
    private Redemption replay(RedemptionRepository.KeyUse earlier, CounterCoupon coupon, CounterStore store) {
        if (!earlier.couponId().equals(coupon.id()) || !earlier.storeId().equals(store.id())) {
            throw new NotPossible("idempotency-key-reused", Reason.of("idempotency-key-reused.redemption"));
        }
        return redemptions.find(who().tenantId(), earlier.redemptionId()).orElseThrow(() -> new NotFound("redemption"));
    }

    /** The store of a counter request and everything read with it. */
    private record Desk(CounterStore store, CounterDesk read) {}

    /**
     * The checks every counter request makes first, in this order, from one read: the guessing guard (429), then the
     * store where the caller may work the counter (403 {@code store-not-assigned} for any other id, an archived store
     * and another tenant's); the coupon of the code and the use of the idempotency key {@code key} (null: none) come
     * with it. Without a store id, the caller's one store.
     */
    private Desk desk(CallerAccount who, String storeId, Optional<CouponCode> code, String key) {
        String id = storeId;
        if (storeId == null || storeId.isBlank()) {
            guard.requireAllowed(who.accountId());
            id = counterStore(who, null).id();
        }
        CounterDesk read = redemptions.desk(
                who.tenantId(),
                who.accountId(),
                GuessingGuard.subject(who.accountId()),
                Ids.isWellFormed(id) ? id : null,
                code.orElse(null),
                key);
        GuessingGuard.requireAllowed(read.guessing(), clock.instant());
        CounterStore store = read.store()
                .filter(s -> who.role() == Role.MERCHANT_ADMIN || read.assigned())
                .orElseThrow(CounterService::notAssigned);
        return new Desk(store, read);
    }

    /** The tenant's coupon of the code as read; a mistyped or unknown code counts as a failed attempt. */
    private CounterCoupon known(CallerAccount who, Optional<CouponCode> parsed, CounterDesk read) {
        if (parsed.isEmpty()) {
            guard.failed(who.accountId());
            throw new NotPossible("invalid-code");
        }
        return read.coupon().orElseGet(() -> {
            guard.failed(who.accountId());
            throw new NotFound("unknown-coupon", Reason.of("unknown-coupon"));
        });
    }

    /** The store where the caller may work the counter; 403 {@code store-not-assigned} for any other id. */
    private CounterStore counterStore(CallerAccount who, String storeId) {
        if (storeId == null || storeId.isBlank()) {
            List<Store> own = stores();
            if (own.size() == 1) {
                return counterStore(own.get(0));
            }
            throw new InvalidInput("storeId", "counter-store-required");
        }
        Optional<Store> store = Ids.isWellFormed(storeId) ? stores.find(storeId) : Optional.empty();
        boolean assigned = store.isPresent()
                && (who.role() == Role.MERCHANT_ADMIN
                        || staff.storeIdsOf(List.of(who.accountId()))
                                .getOrDefault(who.accountId(), List.of())
                                .contains(storeId));
        if (!assigned) {
            throw notAssigned();
        }
        return counterStore(store.get());
    }

    private static CounterStore counterStore(Store store) {
        return new CounterStore(store.id(), store.name(), store.timeZone());
    }

    private static NotPermitted notAssigned() {
        return new NotPermitted("store-not-assigned");
    }

    /** Why the coupon cannot be redeemed at the store now (the domain decides), as the counter answers it; empty when it can. */
    private static Optional<Problem> refusal(CounterCoupon coupon, CounterStore store, Instant now) {
        return coupon.refusalAt(now).map(r -> RefusalProblems.of(r, coupon, store));
    }

    private static Problem dealClosed(DealStatus deal) {
        return deal == DealStatus.CANCELLED ? new Clash("deal-cancelled") : new Clash("deal-failed");
    }

    private static Problem alreadyUndone(Redemption redemption, CounterStore store) {
        return new Clash(
                "already-undone",
                Reason.of("already-undone", redemption.undoneAt().atZone(zone(store))));
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "undo-reason-required");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new InvalidInput("reason", "max-length", MAX_REASON);
        }
        if (!PlainText.isSingleLine(reason.strip())) {
            // the reason also comes as ?reason= and from the counter page, not only in a body read strictly
            throw new InvalidInput("reason", PlainText.rule(false));
        }
        return reason.strip();
    }

    private static ZoneId zone(CounterStore store) {
        return ZoneId.of(store.timeZone());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private CallerAccount who() {
        return caller.account().orElseThrow(() -> new IllegalStateException("no caller behind a counter call"));
    }
}
