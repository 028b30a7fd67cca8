package io.groupdeal.application.deal;

import static io.groupdeal.application.Wiring.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.groupdeal.application.Wiring;
import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.application.problem.NotPossible;
import io.groupdeal.domain.deal.Deal;
import io.groupdeal.domain.deal.DealRepository;
import io.groupdeal.domain.deal.DealStatus;
import io.groupdeal.domain.deal.DealTerms;
import io.groupdeal.domain.deal.RefundPolicy;
import io.groupdeal.domain.shared.Ids;
import io.groupdeal.domain.store.StoreRepository;
import io.groupdeal.domain.tenant.TenantRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** What a merchant's deal boundary decides: which drafts it writes, what publishing refuses, what can be cancelled. */
class DealServiceTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final DealRepository deals = mock(DealRepository.class);
    private final StoreRepository stores = mock(StoreRepository.class);
    private final TenantRepository tenants = mock(TenantRepository.class);
    private final DealService service = Wiring.wire(
            new DealService(),
            deals,
            stores,
            tenants,
            mock(io.groupdeal.domain.photo.PhotoRepository.class),
            Wiring.merchantAdmin("tenant-1"),
            Clock.fixed(NOW, ZoneOffset.UTC));

    static DealTerms draft(String title) {
        return new DealTerms(title, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    static DealTerms complete(Instant salesStart, Instant salesEnd) {
        return new DealTerms(
                "Dan Dan Noodles for Two",
                "Two bowls",
                "Dine in only",
                "EUR",
                new BigDecimal("9.90"),
                new BigDecimal("20.00"),
                5,
                100,
                2,
                salesStart,
                salesEnd,
                salesEnd.plus(Duration.ofDays(30)),
                RefundPolicy.ANYTIME,
                false);
    }

    private Deal stored(DealTerms terms) {
        Deal deal = new Deal(terms, NOW.minusSeconds(3600));
        when(deals.find(deal.id())).thenReturn(Optional.of(deal));
        when(deals.lock(deal.id())).thenReturn(Optional.of(deal));
        return deal;
    }

    /** The caller's tenant, unmoderated unless a test says otherwise: its deals go live when published. */
    @org.junit.jupiter.api.BeforeEach
    void unmoderatedTenant() {
        tenant.changeModeration(false);
        when(tenants.find("tenant-1")).thenReturn(Optional.of(tenant));
    }

    private final io.groupdeal.domain.tenant.Tenant tenant = new io.groupdeal.domain.tenant.Tenant("Shop", NOW);

    @Test
    void aModeratedTenantsDraftWaitsInReviewNotEditableAndARejectionMakesItADraftAgain() {
        tenant.changeModeration(true);
        when(stores.count()).thenReturn(1L);
        Deal deal = stored(complete(NOW.minusSeconds(60), NOW.plus(Duration.ofDays(7))));

        assertEquals(DealStatus.IN_REVIEW, service.publish(deal.id()).deal().status());
        Clash locked = assertThrows(
                Clash.class, () -> service.update(deal.id(), complete(NOW, NOW.plus(Duration.ofDays(8))), List.of()));
        assertEquals("deal-not-editable", locked.type());
        assertEquals("deal-not-editable.in-review", locked.reason().key());

        deal.reject("operator-1", "  Fine print must name the opening hours.  ", NOW);
        assertEquals(DealStatus.DRAFT, deal.status());
        assertEquals("Fine print must name the opening hours.", deal.rejection());
        service.update(deal.id(), complete(NOW.minusSeconds(60), NOW.plus(Duration.ofDays(8))), List.of());
        assertEquals(
                "Fine print must name the opening hours.",
                deal.rejection(),
                "the reason stays while the merchant edits");

        assertEquals(DealStatus.IN_REVIEW, service.publish(deal.id()).deal().status());
        assertNull(deal.rejection(), "publishing again clears the rejection");
        deal.approve("operator-1", NOW);
        assertEquals(DealStatus.ON_SALE, deal.status());
    }

    @Test
    void aDealInReviewCanBeCancelledByItsMerchant() {
        tenant.changeModeration(true);
        when(stores.count()).thenReturn(1L);
        Deal deal = stored(complete(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(7))));
        service.publish(deal.id());

        assertEquals(DealStatus.CANCELLED, service.cancel(deal.id()).deal().status());
        assertThrows(
                IllegalStateException.class,
                () -> deal.approve("operator-1", NOW),
                "a cancelled deal is no longer in review");
    }

    @Test
    void aDraftWithoutTitleIsRefusedAndNothingIsWritten() {
        assertCreationRefused(draft("  "), List.of(), "title");
    }

    @Test
    void aDraftNamingAStoreThatIsNotTheCallersIsRefusedAndNothingIsWritten() {
        String own = Ids.newId();
        String foreign = Ids.newId();
        when(stores.existing(List.of(own, foreign))).thenReturn(List.of(own));

        assertCreationRefused(draft("Noodles"), List.of(own, foreign), "storeIds");
    }

    /** Creating the draft at these stores is refused as invalid in exactly {@code field}, and nothing is written. */
    private void assertCreationRefused(DealTerms draft, List<String> storeIds, String field) {
        InvalidInput refused = assertThrows(InvalidInput.class, () -> service.create(draft, storeIds));
        assertEquals(List.of(field), fields(refused));
        verifyNoInteractions(deals);
    }

    @Test
    void aNewDraftIsAddedWithEachOfItsStoresOnce() {
        String a = Ids.newId();
        String b = Ids.newId();
        when(stores.existing(List.of(b, a))).thenReturn(List.of(a, b));

        DealView view = service.create(draft("Noodles"), List.of(b, a, b));

        ArgumentCaptor<Deal> added = ArgumentCaptor.forClass(Deal.class);
        verify(deals).add(added.capture());
        assertEquals(DealStatus.DRAFT, added.getValue().status());
        assertEquals(NOW, added.getValue().createdAt());
        verify(deals).assignStores(added.getValue().id(), Set.of(a, b));
        assertEquals(List.of(a, b).stream().sorted().toList(), view.storeIds());
    }

    @Test
    void onlyADraftIsEdited() {
        when(stores.count()).thenReturn(1L);
        Deal deal = stored(complete(NOW.minusSeconds(60), NOW.plus(Duration.ofDays(7))));
        service.publish(deal.id());

        Clash refused = assertThrows(Clash.class, () -> service.update(deal.id(), draft("New title"), List.of()));

        assertEquals("deal-not-editable", refused.type());
        assertEquals("Dan Dan Noodles for Two", deal.title());
        verify(deals, never()).assignStores(any(), anyCollection());
    }

    @Test
    void aDraftIsEditedAndItsStoresReplaced() {
        Deal deal = stored(draft("Old"));

        DealView view = service.update(deal.id(), draft(" New "), List.of());

        assertEquals("New", deal.title());
        assertSame(deal, view.deal());
        verify(deals).assignStores(deal.id(), Set.of());
    }

    @Test
    void publishingAnIncompleteDraftNamesEveryMissingFieldAndChangesNothing() {
        Deal deal = stored(draft("Noodles"));
        when(deals.storeIdsOf(deal.id())).thenReturn(List.of());
        when(stores.count()).thenReturn(0L);

        NotPossible refused = assertThrows(NotPossible.class, () -> service.publish(deal.id()));

        assertEquals("deal-incomplete", refused.type());
        assertEquals(
                List.of(
                        "description",
                        "currency",
                        "price",
                        "originalValue",
                        "salesStart",
                        "salesEnd",
                        "couponValidUntil",
                        "storeIds"),
                fields(refused));
        assertEquals(DealStatus.DRAFT, deal.status());
    }

    @Test
    void publishingRefusesASaleThatHasEndedAlready() {
        Deal deal = stored(complete(NOW.minus(Duration.ofDays(7)), NOW.minusSeconds(1)));
        when(stores.count()).thenReturn(1L);

        NotPossible refused = assertThrows(NotPossible.class, () -> service.publish(deal.id()));

        assertEquals(List.of("salesEnd"), fields(refused));
        assertEquals(DealStatus.DRAFT, deal.status());
    }

    @Test
    void aDealValidEverywhereNeedsAtLeastOneStore() {
        Deal withStores = stored(complete(NOW.minusSeconds(60), NOW.plus(Duration.ofDays(7))));
        when(deals.storeIdsOf(withStores.id())).thenReturn(List.of(Ids.newId()));
        assertEquals(
                DealStatus.ON_SALE,
                service.publish(withStores.id()).deal().status(),
                "a deal that names its stores needs no count of all stores");

        Deal everywhere = stored(complete(NOW.minusSeconds(60), NOW.plus(Duration.ofDays(7))));
        when(stores.count()).thenReturn(1L);
        assertEquals(DealStatus.ON_SALE, service.publish(everywhere.id()).deal().status());
    }

    @Test
    void aCompleteDraftGoesOnSaleNowOrIsScheduledForItsStart() {
        when(stores.count()).thenReturn(1L);
        Deal now = stored(complete(NOW.minusSeconds(60), NOW.plus(Duration.ofDays(7))));
        Deal later = stored(complete(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(7))));

        assertEquals(DealStatus.ON_SALE, service.publish(now.id()).deal().status());
        assertEquals(DealStatus.SCHEDULED, service.publish(later.id()).deal().status());
    }

    @Test
    void aPublishedDealIsNotPublishedAgain() {
        when(stores.count()).thenReturn(1L);
        Deal deal = stored(complete(NOW.minusSeconds(60), NOW.plus(Duration.ofDays(7))));
        service.publish(deal.id());

        assertEquals(
                "deal-not-editable",
                assertThrows(Clash.class, () -> service.publish(deal.id())).type());
    }

    @Test
    void cancellingMarksTheDealForSettlementOnceAndNeverAgain() {
        when(stores.count()).thenReturn(1L);
        Deal deal = stored(complete(NOW.minusSeconds(60), NOW.plus(Duration.ofDays(7))));
        service.publish(deal.id());

        assertEquals(DealStatus.CANCELLED, service.cancel(deal.id()).deal().status());

        Clash again = assertThrows(Clash.class, () -> service.cancel(deal.id()));
        assertEquals("deal-not-cancellable", again.type());
        assertEquals("deal-not-cancellable.cancelled", again.reason().key());
    }

    @Test
    void aDealThatHasEndedIsNotCancelled() {
        Deal deal = stored(complete(NOW.minus(Duration.ofDays(8)), NOW.minus(Duration.ofDays(1))));
        Deals.setStatus(deal, DealStatus.ENDED);

        Clash refused = assertThrows(Clash.class, () -> service.cancel(deal.id()));

        assertEquals("deal-not-cancellable", refused.type());
        assertEquals("deal-not-cancellable.ended", refused.reason().key());
        assertEquals(DealStatus.ENDED, deal.status());
    }

    @Test
    void aMalformedOrUnknownIdIsNotFoundWithoutAQueryForTheMalformedOne() {
        assertEquals(
                "not-found",
                assertThrows(NotFound.class, () -> service.get("../1")).type());
        verifyNoInteractions(deals);

        String unknown = Ids.newId();
        when(deals.lock(unknown)).thenReturn(Optional.empty());
        assertThrows(NotFound.class, () -> service.cancel(unknown));
    }

    @Test
    void theReportIsOfTheCallersTenantInItsTimeZone() {
        Deal deal = stored(draft("Noodles"));
        tenant.configure("Shop", "Asia/Tokyo", 10);
        io.groupdeal.domain.deal.DealReport report = mock(io.groupdeal.domain.deal.DealReport.class);
        when(deals.report("tenant-1", deal.id(), java.time.ZoneId.of("Asia/Tokyo")))
                .thenReturn(report);

        assertSame(report, service.report(deal.id()));
        assertNotNull(service.timeZone());
    }
}
