package io.groupdeal.domain.redemption;

import io.groupdeal.domain.throttle.Limit;
import java.util.Optional;

/**
 * Everything a counter request checks before it changes anything, read in one statement: the account's guessing
 * window, the store (empty when it does not exist, is archived or belongs to another tenant), whether the account is
 * assigned to it, the coupon of the code with whether it is valid at that store (empty for an unknown code), and the
 * redemption the account made with the request's idempotency key (empty when the key is new or none was sent).
 *
 * @param guessing the account's current window of failed code attempts, null when it has none
 */
public record CounterDesk(
        Limit.Window guessing,
        Optional<CounterStore> store,
        boolean assigned,
        Optional<CounterCoupon> coupon,
        Optional<RedemptionRepository.KeyUse> keyUse) {}
