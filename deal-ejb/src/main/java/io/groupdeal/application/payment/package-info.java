/** Taking money: the payment gateway interface, the gateway chosen by configuration, and the built-in sandbox. */
package io.groupdeal.application.payment;
