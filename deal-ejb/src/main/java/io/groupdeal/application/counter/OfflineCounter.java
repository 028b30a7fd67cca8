package io.groupdeal.application.counter;

import io.groupdeal.application.Idempotency;
import io.groupdeal.application.PageOf;
import io.groupdeal.application.PageRequest;
import io.groupdeal.application.Periods;
import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.problem.NotPermitted;
import io.groupdeal.application.problem.Problem;
import io.groupdeal.application.problem.Reason;
import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.CallerAccount;
import io.groupdeal.application.security.TenantScoped;
import io.groupdeal.domain.coupon.CouponCode;
import io.groupdeal.domain.redemption.CodeHash;
import io.groupdeal.domain.redemption.CounterWindow;
import io.groupdeal.domain.redemption.DoubleUse;
import io.groupdeal.domain.redemption.OfflineCounterRepository;
import io.groupdeal.domain.redemption.Redemption;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.shared.TenantId;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The counter on a phone without a connection. While online the phone keeps its store's list of the hashes of the
 * redeemable codes ({@link #redeemable}); offline it redeems a code found there on its own and queues it; back online
 * it sends each queued redemption with its client id as the Idempotency-Key ({@link #sync}). The database still
 * decides one redemption per coupon ({@link CounterService#redeem}, unchanged): when the coupon was redeemed
 * elsewhere meanwhile, or refunded, voided or expired, the phone's redemption is recorded as a double use for the
 * merchant ({@link DoubleUses}), never dropped.
 */
@Stateless
@RolesAllowed({"STAFF", "MERCHANT_ADMIN"})
@TenantScoped
public class OfflineCounter {

    /** The refusals of a coupon that was handed over offline: each is a double use, not an error of the phone. */
    static final Set<String> DOUBLE_USE_REASONS = RefusalProblems.TYPES;
    /** The oldest offline redemption a phone may still send (a list is trusted for hours; a queue waits for days). */
    static final Duration OLDEST_OFFLINE = Duration.ofDays(7);
    /** How far ahead of the server's clock a phone's clock may be. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** The days a merchant sees double uses of when asking for no period. */
    public static final int RECENT_DAYS = 30;

    @EJB
    private CounterService counter;

    @EJB
    private DoubleUses doubleUses;

    @Inject
    private OfflineCounterRepository offline;

    @Inject
    private RedeemableLists lists;

    @Inject
    private StoreRepository stores;

    @Inject
    private TenantRepository tenants;

    @Inject
    private Caller caller;

    @Inject
    private Clock clock;

    /** What a sent offline redemption became: redeemed now, or a double use (exactly one of both). */
    public record Synced(Redemption redemption, DoubleUse doubleUse) {}

    /**
     * The list of hashes of the codes redeemable at the store now, for a phone at the caller's store (403
     * {@code store-not-assigned} for any other). No transaction: one read, then the hashing that is not cached yet.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public RedeemableList redeemable(String storeId) {
        CallerAccount who = who();
        String store = counterStore(storeId).id();
        Instant now = clock.instant();
        return lists.of(
                who.tenantId(), store, offline.redeemableAt(who.tenantId(), store, now, CodeHash.MAX_CODES), now);
    }

    /**
     * Sends one redemption made offline at {@code redeemedOfflineAt}: redeemed now when the coupon can still be, else
     * a double use when it was handed over but can no longer be redeemed; any other refusal (not a code of this
     * business, a store the caller no longer works at) is answered as the redemption's. The same client id again
     * answers the same: the redemption (its idempotency key) or the double use (one per account and client id).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Synced sync(String clientId, String code, String storeId, Instant redeemedOfflineAt) {
        String key = Idempotency.required(clientId, "offline-redemption");
        Instant now = clock.instant();
        if (redeemedOfflineAt.isAfter(now.plus(CLOCK_SKEW)) || redeemedOfflineAt.isBefore(now.minus(OLDEST_OFFLINE))) {
            throw new InvalidInput("redeemedOfflineAt", "offline-time-window", OLDEST_OFFLINE.toDays());
        }
        String store = counterStore(storeId).id();
        try {
            return new Synced(counter.redeem(key, code, store), null);
        } catch (Problem refused) {
            if (!DOUBLE_USE_REASONS.contains(refused.type())) {
                throw refused;
            }
            DoubleUse use = doubleUses
                    .record(
                            key,
                            CouponCode.parse(code).orElseThrow(() -> refused),
                            store,
                            redeemedOfflineAt,
                            refused.type())
                    .orElseThrow(() -> refused);
            return new Synced(null, use);
        }
    }

    /**
     * The business's double uses recorded from {@code from} to {@code to} (days of its time zone, inclusive; the last
     * {@value #RECENT_DAYS} days when neither is given), at one store or at all of them, newest first.
     */
    @RolesAllowed("MERCHANT_ADMIN")
    public PageOf<DoubleUse> doubleUses(String storeId, LocalDate from, LocalDate to, PageRequest page) {
        CallerAccount who = who();
        ZoneId zone = tenants.find(who.tenantId()).orElseThrow().timeZone();
        LocalDate last = from == null && to == null ? LocalDate.now(clock.withZone(zone)) : to;
        LocalDate first = from == null && to == null ? last.minusDays(RECENT_DAYS - 1) : from;
        Periods.require(first, last);
        String store = null;
        if (storeId != null && !storeId.isBlank()) {
            store = (Ids.isWellFormed(storeId) ? stores.find(storeId) : Optional.<Store>empty())
                    .orElseThrow(() -> new NotFound("store"))
                    .id();
        }
        Instant start = first.atStartOfDay(zone).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
        CounterWindow window = new CounterWindow(new TenantId(who.tenantId()), store, start, end);
        return new PageOf<>(
                offline.between(window, page.page(), page.size()),
                page.page(),
                page.size(),
                offline.countBetween(window));
    }

    /** The problem a double use is answered with: the phone's redemption did not happen, and it is on record. */
    public static Clash problem(DoubleUse use) {
        return new Clash(
                "double-use",
                Reason.of("double-use", use.reason()),
                Map.of("doubleUseId", use.id(), "reasonType", use.reason()));
    }

    /** A store where the caller works the counter, from {@link CounterService#stores}: the only one when none is named. */
    private Store counterStore(String storeId) {
        List<Store> own = counter.stores();
        if (storeId == null || storeId.isBlank()) {
            if (own.size() == 1) {
                return own.get(0);
            }
            throw new InvalidInput("storeId", "counter-store-required");
        }
        return own.stream()
                .filter(s -> s.id().equals(storeId))
                .findFirst()
                .orElseThrow(() -> new NotPermitted("store-not-assigned"));
    }

    private CallerAccount who() {
        return caller.account().orElseThrow(() -> new IllegalStateException("no caller behind a counter call"));
    }
}
