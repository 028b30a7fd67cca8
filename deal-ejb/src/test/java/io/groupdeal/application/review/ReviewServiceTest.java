package io.groupdeal.application.review;

import static io.groupdeal.application.Wiring.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.groupdeal.application.Noodles;
import io.groupdeal.application.Wiring;
import io.groupdeal.application.problem.Clash;
import io.groupdeal.application.problem.InvalidInput;
import io.groupdeal.application.problem.NotFound;
import io.groupdeal.domain.coupon.Coupon;
import io.groupdeal.domain.coupon.CouponCode;
import io.groupdeal.domain.coupon.CouponRepository;
import io.groupdeal.domain.coupon.CouponStatus;
import io.groupdeal.domain.review.Review;
import io.groupdeal.domain.review.ReviewRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A buyer reviews a used coupon of their own, once: everything else is refused before a row is written. */
class ReviewServiceTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final ReviewRepository reviews = mock(ReviewRepository.class);
    private final CouponRepository coupons = mock(CouponRepository.class);
    private final ReviewService service = Wiring.wire(
            new ReviewService(), reviews, coupons, Wiring.buyer("buyer-1"), Clock.fixed(NOW, ZoneOffset.UTC));

    static Coupon coupon(CouponCode code, CouponStatus status) {
        return Noodles.coupon(code, status, NOW.plusSeconds(86_400), NOW.minusSeconds(86_400), true, false);
    }

    private CouponCode owned(CouponStatus status) {
        CouponCode code = CouponCode.random(new java.security.SecureRandom());
        when(coupons.ofBuyer("buyer-1", code)).thenReturn(Optional.of(coupon(code, status)));
        return code;
    }

    @Test
    void everyBrokenRuleIsNamedAtOnceAndNothingIsRead() {
        InvalidInput refused =
                assertThrows(InvalidInput.class, () -> service.write(" ", 6, "x".repeat(Review.MAX_COMMENT + 1)));
        assertEquals(List.of("rating", "comment", "couponCode"), fields(refused));
        assertEquals(List.of("rating"), fields(assertThrows(InvalidInput.class, () -> service.write("ABC", 0, null))));
        assertEquals(
                List.of("rating"), fields(assertThrows(InvalidInput.class, () -> service.write("ABC", null, null))));
        verifyNoInteractions(coupons, reviews);
    }

    @Test
    void aCodeThatIsNotTheBuyersIsNotFound() {
        CouponCode someoneElses = CouponCode.random(new java.security.SecureRandom());
        when(coupons.ofBuyer("buyer-1", someoneElses)).thenReturn(Optional.empty());

        assertThrows(NotFound.class, () -> service.write(someoneElses.printed(), 5, "great"));
        assertThrows(NotFound.class, () -> service.write("not a code", 5, "great"));
        verifyNoInteractions(reviews);
    }

    @Test
    void anUnusedCouponIsNotReviewedYet() {
        for (CouponStatus status : List.of(
                CouponStatus.PENDING,
                CouponStatus.ACTIVE,
                CouponStatus.REFUNDED,
                CouponStatus.EXPIRED,
                CouponStatus.VOID)) {
            CouponCode code = owned(status);
            assertEquals(
                    "not-redeemed",
                    assertThrows(Clash.class, () -> service.write(code.printed(), 4, ""))
                            .type(),
                    status.toString());
        }
        verifyNoInteractions(reviews);
    }

    @Test
    void aUsedCouponIsReviewedOnceWithTheStrippedComment() {
        CouponCode code = owned(CouponStatus.REDEEMED);
        Review stored = mock(Review.class);
        when(reviews.add(
                        eq("tenant-1"),
                        anyString(),
                        eq("coupon-1"),
                        eq("deal-1"),
                        eq("buyer-1"),
                        eq(4),
                        eq("tasty"),
                        eq(NOW)))
                .thenReturn(true);
        when(reviews.find(eq("tenant-1"), anyString())).thenReturn(Optional.of(stored));

        assertSame(stored, service.write(code.printed(), 4, "  tasty \n"));
    }

    @Test
    void aSecondReviewOfTheCouponIsRefused() {
        CouponCode code = owned(CouponStatus.REDEEMED);
        when(reviews.add(anyString(), anyString(), anyString(), anyString(), anyString(), anyInt(), anyString(), any()))
                .thenReturn(false);

        assertEquals(
                "review-exists",
                assertThrows(Clash.class, () -> service.write(code.printed(), 4, null))
                        .type());
        verify(reviews, never()).find(anyString(), anyString());
    }
}
