/** Buying over REST: orders with an Idempotency-Key, the buyer's coupons, their QR codes and refunds. */
package io.groupdeal.interfaces.rest.order;
