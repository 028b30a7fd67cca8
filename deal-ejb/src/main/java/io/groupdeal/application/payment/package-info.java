/**
 * Taking money: the payment gateway interface, the gateway chosen by configuration, and the built-in {@code sandbox}
 * gateway, an HTTP client of the payment sandbox service ({@code infrastructure.sandbox}). Giving it back: every refund
 * (a buyer's, an expiry's, a cancelled deal's) goes through {@link io.groupdeal.application.payment.Refunds}, which
 * owes the gateway a {@link io.groupdeal.application.payment.PaymentTasks payment task} and marks the order.
 */
package io.groupdeal.application.payment;
