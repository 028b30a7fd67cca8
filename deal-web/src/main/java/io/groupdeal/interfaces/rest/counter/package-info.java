/** The counter over REST: look a code up, redeem it, undo a redemption, list a store's redemptions. */
package io.groupdeal.interfaces.rest.counter;
