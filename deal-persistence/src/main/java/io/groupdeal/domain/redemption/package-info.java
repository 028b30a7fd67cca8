/**
 * Redemption at the counter: a coupon as the counter sees it and why it cannot be redeemed ({@code Refusal}), the
 * conditional moves REDEEMED and back, and the append-only history of redemptions and undos. Guessing protection counts
 * its failed attempts in {@code domain.throttle}.
 */
package io.groupdeal.domain.redemption;
