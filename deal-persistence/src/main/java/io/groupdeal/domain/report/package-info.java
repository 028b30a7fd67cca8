/** Figures for the merchant: the dashboard of a period, counted from coupons, reviews and deals as they are. */
package io.groupdeal.domain.report;
