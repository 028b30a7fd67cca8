package io.groupdeal.domain.deal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The deal's lifecycle as the aggregate keeps it: only drafts change and publish; what has ended stays ended. */
class DealTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    static DealTerms terms(String currency, String price, Instant salesStart) {
        return DraftTerms.titled(" Dan Dan Noodles ")
                .priced(currency, price, null)
                .quantities(null, 10, null)
                .times(salesStart, salesStart == null ? null : salesStart.plus(Duration.ofDays(7)), null)
                .terms();
    }

    @Test
    void aNewDraftHasItsTermsStrippedAndDefaulted() {
        Deal deal = new Deal(terms("EUR", "9.9", NOW), NOW);

        assertEquals(DealStatus.DRAFT, deal.status());
        assertTrue(deal.isEditable());
        assertEquals("Dan Dan Noodles", deal.title());
        assertEquals("", deal.description());
        assertEquals(new BigDecimal("9.90"), deal.price(), "kept in the currency's minor digits");
        assertEquals(1, deal.minBuyers());
        assertEquals(RefundPolicy.NONE, deal.refundPolicy());
        assertFalse(deal.autoRefundOnExpiry());
        assertEquals(NOW, deal.createdAt());
    }

    @Test
    void aPriceIsKeptInTheMinorDigitsOfItsCurrency() {
        assertEquals(new BigDecimal("980"), new Deal(terms("JPY", "980", NOW), NOW).price());
        assertEquals(0, new Deal(terms("JPY", "980", NOW), NOW).minorDigits());
        assertEquals(2, new Deal(terms(null, null, NOW), NOW).minorDigits());
        assertThrows(
                ArithmeticException.class,
                () -> new Deal(terms("JPY", "980.5", NOW), NOW),
                "a price the terms' check let through with more digits than the currency has is never rounded silently");
    }

    @Test
    void publishingPutsTheDealOnSaleWhenItsSalesHaveStartedAndSchedulesItOtherwise() {
        Deal started = new Deal(terms("EUR", "9.90", NOW), NOW);
        started.publish(NOW);
        assertEquals(DealStatus.ON_SALE, started.status());

        Deal later = new Deal(terms("EUR", "9.90", NOW.plusSeconds(1)), NOW);
        later.publish(NOW);
        assertEquals(DealStatus.SCHEDULED, later.status());
        assertFalse(later.isEditable());
    }

    @Test
    void onlyADraftIsEditedOrPublished() {
        Deal deal = new Deal(terms("EUR", "9.90", NOW), NOW);
        deal.publish(NOW);

        assertThrows(IllegalStateException.class, () -> deal.edit(terms("EUR", "1.00", NOW)));
        assertThrows(IllegalStateException.class, () -> deal.publish(NOW));
        assertEquals(new BigDecimal("9.90"), deal.price());
        assertEquals(DealStatus.ON_SALE, deal.status());
    }

    @Test
    void aDraftIsEditedWithNewTerms() {
        Deal deal = new Deal(terms("EUR", "9.90", NOW), NOW);

        deal.edit(new DealTerms(
                "Ramen",
                "Rich broth",
                "Lunch only",
                "EUR",
                new BigDecimal("12"),
                new BigDecimal("20"),
                2,
                50,
                4,
                NOW,
                NOW.plusSeconds(3600),
                NOW.plusSeconds(7200),
                RefundPolicy.ANYTIME,
                true));

        assertEquals("Ramen", deal.title());
        assertEquals(new BigDecimal("12.00"), deal.price());
        assertEquals(2, deal.minBuyers());
        assertEquals(Integer.valueOf(4), deal.perBuyerLimit());
        assertEquals(RefundPolicy.ANYTIME, deal.refundPolicy());
        assertTrue(deal.autoRefundOnExpiry());
        assertEquals(deal.terms().title(), "Ramen");
    }

    @Test
    void aDealIsCancelledOnceBeforeItEndsAndIsThenDueForSettlement() {
        Deal deal = new Deal(terms("EUR", "9.90", NOW), NOW);
        deal.publish(NOW);

        deal.cancel(NOW.plusSeconds(60));

        assertEquals(DealStatus.CANCELLED, deal.status());
        assertThrows(IllegalStateException.class, () -> deal.cancel(NOW.plusSeconds(120)));
    }

    @Test
    void exactlyTheDealsThatHaveNotEndedAreCancellableAndOnlyPublishedOnesAreListed() {
        Set<DealStatus> cancellable = EnumSet.noneOf(DealStatus.class);
        Set<DealStatus> listed = EnumSet.noneOf(DealStatus.class);
        for (DealStatus status : DealStatus.values()) {
            if (status.isCancellable()) {
                cancellable.add(status);
            }
            if (status.isListed()) {
                listed.add(status);
            }
        }
        assertEquals(
                EnumSet.of(DealStatus.DRAFT, DealStatus.IN_REVIEW, DealStatus.SCHEDULED, DealStatus.ON_SALE),
                cancellable);
        assertEquals(EnumSet.of(DealStatus.SCHEDULED, DealStatus.ON_SALE), listed);
    }

    @Test
    void aNewDealHasSoldNothingAndTipsWithItsMinimum() {
        Deal deal = new Deal(terms("EUR", "9.90", NOW), NOW);
        assertEquals(Integer.valueOf(10), deal.remaining());
        assertFalse(deal.isTipped(), "1 buyer needed, none sold");
        assertNull(deal.tippedAt());
        Deal unlimited = new Deal(
                new DealTerms("x", null, null, null, null, null, null, null, null, null, null, null, null, null), NOW);
        assertNull(unlimited.remaining());
    }

    @Test
    void aDealPublishedForReviewWaitsUnsoldAndUneditableUntilTheOperatorApprovesIt() {
        Deal now = new Deal(terms("EUR", "9.90", NOW.minusSeconds(60)), NOW);
        now.publish(NOW, true);
        assertEquals(DealStatus.IN_REVIEW, now.status());
        assertFalse(now.isEditable());
        assertFalse(now.status().isListed());
        assertEquals(NOW, now.submittedAt());
        assertThrows(IllegalStateException.class, () -> now.publish(NOW, true), "in review is not a draft");
        now.approve("operator-1", NOW.plusSeconds(5));
        assertEquals(DealStatus.ON_SALE, now.status());
        assertEquals(NOW.plusSeconds(5), now.reviewedAt());
        assertThrows(IllegalStateException.class, () -> now.approve("operator-1", NOW), "approved once");
        assertThrows(IllegalStateException.class, () -> now.reject("operator-1", "late", NOW), "no longer in review");

        Deal later = new Deal(terms("EUR", "9.90", NOW.plus(Duration.ofDays(1))), NOW);
        later.publish(NOW, true);
        later.approve("operator-1", NOW);
        assertEquals(DealStatus.SCHEDULED, later.status(), "approved as publish would have done: scheduled");

        Deal ended = new Deal(terms("EUR", "9.90", NOW.minus(Duration.ofDays(8))), NOW.minus(Duration.ofDays(9)));
        ended.publish(NOW.minus(Duration.ofDays(8)), true);
        assertTrue(ended.salesEnded(NOW));
        assertThrows(IllegalStateException.class, () -> ended.approve("operator-1", NOW), "its sales window closed");
        assertEquals(DealStatus.IN_REVIEW, ended.status());
    }

    @Test
    void aRejectedDealIsADraftWithTheReasonUntilItIsPublishedAgain() {
        Deal deal = new Deal(terms("EUR", "9.90", NOW), NOW);
        deal.publish(NOW, true);
        deal.reject("operator-1", "  The fine print must name the opening hours.\nAnd the address.  ", NOW);
        assertEquals(DealStatus.DRAFT, deal.status());
        assertTrue(deal.isEditable());
        assertEquals("The fine print must name the opening hours.\nAnd the address.", deal.rejection());
        deal.edit(terms("EUR", "8.90", NOW));
        assertEquals("The fine print must name the opening hours.\nAnd the address.", deal.rejection());
        deal.publish(NOW, true);
        assertNull(deal.rejection(), "published again: the reason no longer applies");
        assertEquals(DealStatus.IN_REVIEW, deal.status());
        deal.reject("operator-1", "Still no opening hours.", NOW);
        deal.publish(NOW, false);
        assertNull(deal.rejection());
        assertEquals(DealStatus.ON_SALE, deal.status(), "moderation turned off meanwhile: published at once");
    }

    @Test
    void aRejectionNeedsAPlainBoundedReasonAndChangesNothingWithout() {
        Deal deal = new Deal(terms("EUR", "9.90", NOW), NOW);
        deal.publish(NOW, true);
        for (String bad : new String[] {null, "", "   \n ", "x".repeat(Deal.MAX_REJECTION + 1), "bell\u0007"}) {
            io.groupdeal.domain.shared.InvalidValue refused = assertThrows(
                    io.groupdeal.domain.shared.InvalidValue.class, () -> deal.reject("operator-1", bad, NOW));
            assertEquals("reason", refused.field());
        }
        assertEquals(DealStatus.IN_REVIEW, deal.status());
        assertNull(deal.rejection());
        deal.reject("operator-1", "y".repeat(Deal.MAX_REJECTION), NOW);
        assertEquals(Deal.MAX_REJECTION, deal.rejection().length());
    }
}
