package io.groupdeal.application.counter;

import io.groupdeal.application.Idempotency;
import io.groupdeal.application.PageOf;
import io.groupdeal.application.PageRequest;
import io.groupdeal.application.Periods;
import io.groupdeal.application.problem.Conflict;
import io.groupdeal.application.problem.Forbidden;
import io.groupdeal.application.problem.Gone;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.problem.Problem;
import io.groupdeal.application.problem.Unprocessable;
import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.CallerAccount;
import io.groupdeal.application.security.TenantScoped;
import io.groupdeal.domain.account.Role;
import io.groupdeal.domain.coupon.CouponCode;
import io.groupdeal.domain.deal.DealStatus;
import io.groupdeal.domain.redemption.CounterCoupon;
import io.groupdeal.domain.redemption.Redemption;
import io.groupdeal.domain.redemption.RedemptionRepository;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.shared.PlainText;
import io.groupdeal.domain.staff.StaffRepository;
import io.groupdeal.domain.store.Store;
import io.groupdeal.domain.store.StoreRepository;
import io.groupdeal.domain.store.StoreUses;
import io.groupdeal.domain.tenant.TenantRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
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
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy 'at' HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    @Inject
    private RedemptionRepository redemptions;

    @Inject
    private StaffRepository staff;

    @Inject
    private StoreRepository stores;

    @Inject
    private StoreUses uses;

    @Inject
    private TenantRepository tenants;

    @Inject
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
                .map(stores::find).flatMap(Optional::stream).toList();
    }

    /** Looks a code up at a store without changing anything. */
    public CounterLookup lookup(String code, String storeId) {
        CallerAccount who = who();
        guard.requireAllowed(who.accountId());
        Store store = counterStore(who, storeId);
        CounterCoupon coupon = known(who, code);
        Optional<Problem> refusal = refusal(coupon, store, now());
        return new CounterLookup(coupon, refusal.isEmpty(), refusal.map(Problem::type).orElse(null),
                refusal.map(Problem::detail).orElse(null));
    }

    /**
     * Redeems the coupon at the store, exactly once. With an idempotency key, the same request again answers the
     * first redemption (a scanner that fires twice); the key with another code or store is 422.
     */
    public Redemption redeem(String idempotencyKey, String code, String storeId) {
        CallerAccount who = who();
        String key = Idempotency.optional(idempotencyKey);
        guard.requireAllowed(who.accountId());
        Store store = counterStore(who, storeId);
        CounterCoupon coupon = known(who, code);
        String id = Ids.newId();
        Instant now = now();
        if (key != null) {
            String fingerprint = Idempotency.fingerprint(coupon.code().stored(), store.id());
            var earlier = redemptions.keyUse(who.accountId(), key);
            if (earlier.isPresent() || !redemptions.claimKey(who.accountId(), key, fingerprint, who.tenantId(), id, now)) {
                return replay(earlier.orElseGet(() -> redemptions.keyUse(who.accountId(), key).orElseThrow()), fingerprint);
            }
        }
        Optional<Problem> refusal = refusal(coupon, store, now);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        if (!uses.inUse(who.tenantId(), store.id())) {
            throw new Forbidden("store-not-assigned", "You are not assigned to this store's counter.");
        }
        if (!redemptions.redeem(who.tenantId(), coupon.id(), store.id(), now)) {
            CounterCoupon moved = redemptions.coupon(who.tenantId(), coupon.code()).orElseThrow();
            throw refusal(moved, store, now).orElseGet(() -> new Conflict("already-redeemed", "Already redeemed",
                    "This coupon was redeemed a moment ago."));
        }
        redemptions.recordRedeem(who.tenantId(), id, coupon.id(), store.id(), who.accountId(), now);
        return redemptions.find(who.tenantId(), id).orElseThrow();
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
        Redemption redemption = (Ids.isWellFormed(id) ? redemptions.find(who.tenantId(), id) : Optional.<Redemption>empty())
                .orElseThrow(() -> new NotFound("redemption"));
        Store store = counterStore(who, redemption.storeId());
        if (redemption.undone()) {
            throw alreadyUndone(redemption, store);
        }
        Instant now = now();
        Instant until = undoableUntil(redemption);
        if (!now.isBefore(until)) {
            throw new Conflict("undo-window-passed", "Undo window passed", "A redemption can be undone for "
                    + undoWindow().toMinutes() + " minutes; this one was made on "
                    + MOMENT.format(redemption.redeemedAt().atZone(zone(store))) + ".", Map.of("undoableUntil", until.toString()));
        }
        DealStatus deal = redemptions.lockDealOf(who.tenantId(), redemption.couponId()).orElseThrow();
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
        Store store = counterStore(who(), storeId);
        ZoneId zone = zone(store);
        LocalDate day = date != null ? date : LocalDate.now(clock.withZone(zone));
        return history(store.id(), day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant(), page);
    }

    /**
     * The merchant's redemption history from {@code from} to {@code to} (days of the business's time zone,
     * inclusive, at most {@value Periods#MAX_DAYS} days apart), at one store or at all of them ({@code storeId} null).
     */
    @RolesAllowed("MERCHANT_ADMIN")
    public PageOf<Redemption> history(String storeId, LocalDate from, LocalDate to, PageRequest page) {
        Periods.require(from, to);
        CallerAccount who = who();
        String store = storeId == null || storeId.isBlank() ? null : counterStore(who, storeId).id();
        ZoneId zone = tenants.find(who.tenantId()).orElseThrow().timeZone();
        return history(store, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(), page);
    }

    public Duration undoWindow() {
        return Duration.ofMinutes(tenants.find(who().tenantId()).orElseThrow().undoWindowMinutes());
    }

    public Instant undoableUntil(Redemption redemption) {
        return redemption.redeemedAt().plus(undoWindow());
    }

    private PageOf<Redemption> history(String storeId, Instant from, Instant to, PageRequest page) {
        String tenantId = who().tenantId();
        return new PageOf<>(redemptions.between(tenantId, storeId, from, to, page.page(), page.size()), page.page(), page.size(),
                redemptions.countBetween(tenantId, storeId, from, to));
    }

    private Redemption replay(RedemptionRepository.KeyUse earlier, String fingerprint) {
        if (!earlier.requestHash().equals(fingerprint)) {
            throw new Unprocessable("idempotency-key-reused", "Idempotency key reused",
                    "This Idempotency-Key was used for another code or store; use a new key for a new redemption.", List.of());
        }
        return redemptions.find(who().tenantId(), earlier.redemptionId()).orElseThrow(() -> new NotFound("redemption"));
    }

    /** The tenant's coupon of the code; a mistyped or unknown code counts as a failed attempt. */
    private CounterCoupon known(CallerAccount who, String code) {
        Optional<CouponCode> parsed = CouponCode.parse(code);
        if (parsed.isEmpty()) {
            guard.failed(who.accountId());
            throw new Unprocessable("invalid-code", "Not a valid code",
                    "This is not a valid coupon code: a character is wrong or missing. Check the code and type it again.",
                    List.of());
        }
        return redemptions.coupon(who.tenantId(), parsed.get()).orElseGet(() -> {
            guard.failed(who.accountId());
            throw new NotFound("unknown-coupon", "Unknown coupon", "No coupon of this business has this code.");
        });
    }

    /** The store where the caller may work the counter; 403 {@code store-not-assigned} for any other id. */
    private Store counterStore(CallerAccount who, String storeId) {
        if (storeId == null || storeId.isBlank()) {
            List<Store> own = stores();
            if (own.size() == 1) {
                return own.get(0);
            }
            throw new InvalidInput("storeId", "is required: the store where the counter is");
        }
        Optional<Store> store = Ids.isWellFormed(storeId) ? stores.find(storeId) : Optional.empty();
        boolean assigned = store.isPresent() && (who.role() == Role.MERCHANT_ADMIN
                || staff.storeIdsOf(List.of(who.accountId())).getOrDefault(who.accountId(), List.of()).contains(storeId));
        if (!assigned) {
            throw new Forbidden("store-not-assigned", "You are not assigned to this store's counter.");
        }
        return store.get();
    }

    /** Why the coupon cannot be redeemed at the store now; empty when it can. */
    private static Optional<Problem> refusal(CounterCoupon coupon, Store store, Instant now) {
        ZoneId zone = zone(store);
        return Optional.ofNullable(switch (coupon.status()) {
            case PENDING -> new Conflict("deal-not-tipped", "Deal not tipped yet",
                    "The deal has not tipped yet: not enough people have bought it. The coupon works once it has.");
            case REDEEMED -> alreadyRedeemed(coupon, zone);
            case EXPIRED -> expired(coupon, zone);
            case REFUNDED -> new Gone("coupon-refunded", "Coupon refunded", "This coupon was refunded: its money went back to the buyer.");
            case VOID -> new Gone("coupon-void", "Coupon void", "This coupon is void: its deal did not happen or was cancelled.");
            case ACTIVE -> !coupon.validUntil().isAfter(now) ? expired(coupon, zone)
                    : coupon.validAt(store.id()) ? null
                    : new Forbidden("store-not-eligible", "This deal's coupons are not valid at " + store.name() + ".");
        });
    }

    private static Problem alreadyRedeemed(CounterCoupon coupon, ZoneId zone) {
        String where = coupon.redeemedStoreName() == null ? "a store that was removed" : coupon.redeemedStoreName();
        return new Conflict("already-redeemed", "Already redeemed", "Already redeemed at " + where + " on "
                + MOMENT.format(coupon.redeemedAt().atZone(zone)) + ".", Map.of("redeemedAt", coupon.redeemedAt().toString(),
                "storeName", where, "storeId", String.valueOf(coupon.redeemedStoreId())));
    }

    private static Problem expired(CounterCoupon coupon, ZoneId zone) {
        return new Gone("coupon-expired", "Coupon expired", "This coupon expired on "
                + DAY.format(coupon.validUntil().atZone(zone)) + ".");
    }

    private static Problem dealClosed(DealStatus deal) {
        return deal == DealStatus.CANCELLED
                ? new Conflict("deal-cancelled", "Deal cancelled", "This deal was cancelled, so the redemption stays: the"
                        + " cancellation refunded only the coupons that were not used, and this one was used.")
                : new Conflict("deal-failed", "Deal failed", "This deal did not happen, so the redemption stays as it is.");
    }

    private static Problem alreadyUndone(Redemption redemption, Store store) {
        return new Conflict("already-undone", "Already undone", "This redemption was undone on "
                + MOMENT.format(redemption.undoneAt().atZone(zone(store))) + ".");
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "is required: say why the redemption is undone");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new InvalidInput("reason", "must be at most " + MAX_REASON + " characters");
        }
        if (!PlainText.isSingleLine(reason.strip())) {
            // the reason also comes as ?reason= and from the counter page, not only in a body read strictly
            throw new InvalidInput("reason", PlainText.message(false));
        }
        return reason.strip();
    }

    private static ZoneId zone(Store store) {
        return ZoneId.of(store.timeZone());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private CallerAccount who() {
        return caller.account().orElseThrow(() -> new IllegalStateException("no caller behind a counter call"));
    }
}
