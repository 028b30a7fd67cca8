/** Deals: group-buying campaigns with a tipping point, a sales window and a lifecycle from draft to end. */
package io.groupdeal.domain.deal;
