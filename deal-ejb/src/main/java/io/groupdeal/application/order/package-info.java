/** Buying: a buyer's orders, paid through the configured gateway; the tipping point; settling a deal's orders. */
package io.groupdeal.application.order;
