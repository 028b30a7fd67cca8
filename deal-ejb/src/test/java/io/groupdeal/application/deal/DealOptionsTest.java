package io.groupdeal.application.deal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.groupdeal.application.Wiring;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.domain.deal.Deal;
import io.groupdeal.domain.deal.DealOption;
import io.groupdeal.domain.deal.DealRepository;
import io.groupdeal.domain.deal.DealTerms;
import io.groupdeal.domain.deal.OptionTerms;
import io.groupdeal.domain.store.StoreRepository;
import io.groupdeal.domain.tenant.TenantRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** What the deal boundary writes of a deal's options: as sent, or one made from the deal's price for older clients. */
class DealOptionsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final DealRepository deals = mock(DealRepository.class);
    private final DealService service = Wiring.wire(
            new DealService(),
            deals,
            mock(StoreRepository.class),
            mock(TenantRepository.class),
            mock(io.groupdeal.domain.photo.PhotoRepository.class),
            Wiring.merchantAdmin("tenant-1"),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static DealTerms terms(String price, String value, Integer maxQuantity) {
        return new DealTerms(
                "Spa day",
                null,
                null,
                "EUR",
                price == null ? null : new BigDecimal(price),
                value == null ? null : new BigDecimal(value),
                1,
                maxQuantity,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static OptionTerms option(String id, String title, String price, String value, Integer cap) {
        return new OptionTerms(id, title, new BigDecimal(price), new BigDecimal(value), cap);
    }

    @SuppressWarnings("unchecked")
    private List<OptionTerms> written(Deal[] deal) {
        ArgumentCaptor<Deal> of = ArgumentCaptor.forClass(Deal.class);
        ArgumentCaptor<List<OptionTerms>> options = ArgumentCaptor.forClass(List.class);
        verify(deals).writeOptions(of.capture(), options.capture());
        deal[0] = of.getValue();
        return options.getValue();
    }

    @Test
    void aDealWrittenWithoutOptionsGetsOneFromItsPriceValueAndQuantity() {
        service.create(terms("9.90", "20.00", 50), null, List.of());
        Deal[] deal = new Deal[1];
        assertEquals(
                List.of(new OptionTerms(null, "Spa day", new BigDecimal("9.90"), new BigDecimal("20.00"), 50)),
                written(deal));
        assertEquals(new BigDecimal("9.90"), deal[0].price());
    }

    @Test
    void aDealWrittenWithOptionsIsPricedAsItsFirstWhateverPriceWasSent() {
        List<OptionTerms> options =
                List.of(option(null, "For 2", "35.00", "68.00", 10), option(null, "For 1", "19.90", "34.00", 20));
        service.create(terms("1.00", "0.50", 25), options, List.of());
        Deal[] deal = new Deal[1];
        assertEquals(options, written(deal));
        assertEquals(new BigDecimal("35.00"), deal[0].price(), "the first option's, not the (wrong) price sent");
        assertEquals(new BigDecimal("68.00"), deal[0].originalValue());
        assertEquals(25, deal[0].maxQuantity());
    }

    @Test
    void aBrokenOptionIsRefusedAndNothingIsWritten() {
        InvalidInput refused = assertThrows(
                InvalidInput.class,
                () -> service.create(
                        terms(null, null, 25), List.of(option(null, "For 1", "30.00", "20.00", 26)), List.of()));
        assertEquals(
                List.of("options[0].price", "options[0].maxQuantity"),
                refused.errors().stream().map(e -> e.field()).toList());
        verifyNoInteractions(deals);
    }

    @Test
    void anOlderClientsUpdateKeepsTheFirstOptionsIdAndDropsTheOthers() {
        Deal deal = new Deal(terms("9.90", "20.00", 50), NOW);
        when(deals.find(deal.id())).thenReturn(Optional.of(deal));
        DealOption first = mock(DealOption.class);
        when(first.id()).thenReturn("01JFIRSTOPTION000000000000");
        DealOption second = mock(DealOption.class);
        when(deals.optionsOf(deal.id())).thenReturn(List.of(first, second));

        service.update(deal.id(), terms("12.00", "24.00", 40), List.of());

        assertEquals(
                List.of(new OptionTerms(
                        "01JFIRSTOPTION000000000000", "Spa day", new BigDecimal("12.00"), new BigDecimal("24.00"), 40)),
                written(new Deal[1]));
        assertTrue(deal.price().compareTo(new BigDecimal("12.00")) == 0);
    }

    @Test
    void publishingNamesAnyLaterOptionWithoutItsPrices() {
        Deal deal = new Deal(
                new DealTerms(
                        "Spa day",
                        "Relax",
                        null,
                        "EUR",
                        new BigDecimal("9.90"),
                        new BigDecimal("20.00"),
                        1,
                        null,
                        null,
                        NOW.minusSeconds(60),
                        NOW.plusSeconds(3600),
                        NOW.plusSeconds(7200),
                        null,
                        null),
                NOW);
        when(deals.lock(deal.id()))
                .thenReturn(Optional.of(deal)); // publish locks the row against a review (moderation)
        DealOption first = mock(DealOption.class);
        when(first.terms()).thenReturn(option("o1", "For 1", "9.90", "20.00", null));
        DealOption second = mock(DealOption.class);
        when(second.terms()).thenReturn(new OptionTerms("o2", "For 2", null, null, null));
        when(deals.optionsOf(deal.id())).thenReturn(List.of(first, second));
        when(deals.storeIdsOf(any())).thenReturn(List.of("store"));

        var refused =
                assertThrows(io.groupdeal.application.problem.NotPossible.class, () -> service.publish(deal.id()));
        assertEquals(
                List.of("options[1].price", "options[1].originalValue"),
                refused.errors().stream().map(e -> e.field()).toList());
    }
}
