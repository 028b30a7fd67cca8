/**
 * Taking money: the payment gateway interface, the gateway chosen by configuration, and the built-in {@code sandbox}
 * gateway, an HTTP client of the payment sandbox service ({@code infrastructure.sandbox}).
 */
package io.groupdeal.application.payment;
