package io.groupdeal.application.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.groupdeal.application.PageRequest;
import io.groupdeal.application.Wiring;
import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.domain.review.Review;
import io.groupdeal.domain.review.ReviewRepository;
import io.groupdeal.domain.shared.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A merchant reads and answers the reviews of its own tenant only, each once. */
class MerchantReviewsTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final ReviewRepository reviews = mock(ReviewRepository.class);
    private final MerchantReviews service = Wiring.wire(
            new MerchantReviews(), reviews, Wiring.merchantAdmin("tenant-1"), Clock.fixed(NOW, ZoneOffset.UTC));

    private Review review(String id) {
        return new Review(
                "tenant-1", id, "coupon-1", "deal-1", "Noodles", "buyer-1", "Bea", 4, "tasty", NOW, null, null);
    }

    @Test
    void theListIsOfTheCallersTenantFilteredAsAsked() {
        when(reviews.ofTenant("tenant-1", "deal-1", 5, 2, 10)).thenReturn(List.of(review("r")));
        when(reviews.countOfTenant("tenant-1", "deal-1", 5)).thenReturn(21L);

        var page = service.list(" deal-1 ", 5, new PageRequest(2, 10));

        assertEquals(1, page.items().size());
        assertEquals(21, page.total());
        service.list("  ", null, new PageRequest(0, 10));
        verify(reviews).ofTenant("tenant-1", null, null, 0, 10);
    }

    @Test
    void aRatingOutsideOneToFiveIsRefused() {
        assertThrows(InvalidInput.class, () -> service.list(null, 0, new PageRequest(0, 10)));
        assertThrows(InvalidInput.class, () -> service.list(null, 6, new PageRequest(0, 10)));
        verifyNoInteractions(reviews);
    }

    @Test
    void anEmptyOrTooLongReplyIsRefusedBeforeAnyRead() {
        assertThrows(InvalidInput.class, () -> service.reply(Ids.newId(), "  "));
        assertThrows(InvalidInput.class, () -> service.reply(Ids.newId(), "x".repeat(Review.MAX_REPLY + 1)));
        verifyNoInteractions(reviews);
    }

    @Test
    void anotherTenantsReviewIsNotFound() {
        String id = Ids.newId();
        when(reviews.find("tenant-1", id)).thenReturn(Optional.empty());

        assertThrows(NotFound.class, () -> service.reply(id, "Thanks"));
        assertThrows(NotFound.class, () -> service.reply("../x", "Thanks"));
        verify(reviews, never()).reply(anyString(), anyString(), anyString(), any());
    }

    @Test
    void aReviewIsAnsweredOnce() {
        String id = Ids.newId();
        Review review = review(id);
        when(reviews.find("tenant-1", id)).thenReturn(Optional.of(review));
        when(reviews.reply("tenant-1", id, "Thanks!", NOW)).thenReturn(true, false);

        assertSame(review, service.reply(id, " Thanks! "));
        assertEquals(
                "reply-exists",
                assertThrows(Clash.class, () -> service.reply(id, "Thanks!")).type());
    }
}
