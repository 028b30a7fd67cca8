package io.groupdeal.domain.deal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When confirming a paid order leaves the deal's row alone ({@link SaleTerms#paidChangesDeal}). */
class SaleTermsTest {

    private static SaleTerms terms(DealStatus status, boolean tipped) {
        return new SaleTerms(
                "tenant",
                "deal",
                "Title",
                "Merchant",
                status,
                new BigDecimal("10.00"),
                "EUR",
                null,
                Instant.parse("2027-01-01T00:00:00Z"),
                tipped);
    }

    @Test
    void anOrderCapturedAtOnceOfATippedDealOnSaleChangesNothing() {
        assertFalse(terms(DealStatus.ON_SALE, true).paidChangesDeal(true));
    }

    @Test
    void anOrderOfADealNotYetTippedCountsTowardsTheTipping() {
        assertTrue(terms(DealStatus.ON_SALE, false).paidChangesDeal(true));
        assertTrue(terms(DealStatus.ON_SALE, false).paidChangesDeal(false));
    }

    @Test
    void anOrderOnlyAuthorisedAfterTheTippingMarksTheDealForItsCapture() {
        assertTrue(terms(DealStatus.ON_SALE, true).paidChangesDeal(false));
    }

    @Test
    void aPaidOrderOfADealNoLongerOnSaleMayHaveToBeRefunded() {
        for (DealStatus status : new DealStatus[] {DealStatus.CANCELLED, DealStatus.ENDED, DealStatus.FAILED}) {
            assertTrue(terms(status, true).paidChangesDeal(true), status.name());
            assertTrue(terms(status, false).paidChangesDeal(true), status.name());
        }
    }
}
