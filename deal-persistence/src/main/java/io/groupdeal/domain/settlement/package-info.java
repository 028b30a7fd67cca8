/** Settlement: what the platform owes each merchant for the coupons redeemed in a period, less its commission. */
package io.groupdeal.domain.settlement;
