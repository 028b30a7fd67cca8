package io.groupdeal.domain.tenant;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A commission rate of a tenant and the moment from which it applied (until the next one). */
public record CommissionRate(Instant effectiveFrom, BigDecimal rate) {

    public CommissionRate {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(rate, "rate");
    }
}
