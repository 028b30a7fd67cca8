/** {@code /dashboard} and its CSV: the merchant's figures of a period. */
package io.groupdeal.interfaces.rest.report;
