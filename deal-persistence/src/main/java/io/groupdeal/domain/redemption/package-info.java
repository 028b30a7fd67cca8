/**
 * Redemption at the counter: a coupon as the counter sees it, the conditional moves REDEEMED and back, the
 * append-only history of redemptions and undos, and the failed attempts that guessing protection counts.
 */
package io.groupdeal.domain.redemption;
