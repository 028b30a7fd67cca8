/** Coupons: one per unit bought, each with its own unguessable code, and the moves between their states. */
package io.groupdeal.domain.coupon;
