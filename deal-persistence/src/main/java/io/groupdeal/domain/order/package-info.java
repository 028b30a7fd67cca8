/** Orders: a buyer's purchase of coupons of one deal, paid through the payment gateway, once per idempotency key. */
package io.groupdeal.domain.order;
