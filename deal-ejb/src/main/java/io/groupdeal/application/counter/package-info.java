/**
 * The counter: staff look a code up, redeem it exactly once, undo a mistake within the tenant's window, and see the
 * store's redemptions; failed attempts are limited per account against guessing.
 */
package io.groupdeal.application.counter;
