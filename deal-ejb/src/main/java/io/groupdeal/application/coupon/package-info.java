/** A buyer's coupons: looking at them, QR codes, refunds; their expiry and reminders on time. */
package io.groupdeal.application.coupon;
