package io.groupdeal.application.counter;

import io.groupdeal.application.security.Caller;
import io.groupdeal.application.security.CallerAccount;
import io.groupdeal.application.security.TenantScoped;
import io.groupdeal.domain.coupon.CouponCode;
import io.groupdeal.domain.redemption.DoubleUse;
import io.groupdeal.domain.redemption.OfflineCounterRepository;
import io.groupdeal.domain.shared.Ids;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Records a double use in a transaction of its own, after the redemption's transaction refused the coupon: the coupon
 * and its one redemption stay as the database decided, and the double use is written beside them, once per account
 * and client id (a phone that sends its queue again finds the record it made).
 */
@Stateless
@RolesAllowed({"STAFF", "MERCHANT_ADMIN"})
@TenantScoped
public class DoubleUses {

    @Inject
    private OfflineCounterRepository offline;

    @Inject
    private Caller caller;

    @Inject
    private Clock clock;

    /** The double use of the account's offline redemption {@code clientId}; empty when the code is no coupon here. */
    public Optional<DoubleUse> record(
            String clientId, CouponCode code, String storeId, Instant redeemedOfflineAt, String reason) {
        CallerAccount who =
                caller.account().orElseThrow(() -> new IllegalStateException("no caller behind a double use"));
        Optional<DoubleUse> earlier = offline.byClient(who.tenantId(), who.accountId(), clientId);
        if (earlier.isPresent()) {
            return earlier;
        }
        return offline.coupon(who.tenantId(), code).flatMap(coupon -> {
            offline.record(
                    who.tenantId(),
                    Ids.newId(),
                    who.accountId(),
                    clientId,
                    coupon.id(),
                    storeId,
                    redeemedOfflineAt.truncatedTo(ChronoUnit.MICROS),
                    clock.instant().truncatedTo(ChronoUnit.MICROS),
                    reason,
                    coupon.redeemedStoreId(),
                    coupon.redeemedAt());
            return offline.byClient(who.tenantId(), who.accountId(), clientId);
        });
    }
}
