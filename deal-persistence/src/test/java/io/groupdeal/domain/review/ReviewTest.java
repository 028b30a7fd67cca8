package io.groupdeal.domain.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A review's author is shown to others by a first name and an initial, never by the full name. */
class ReviewTest {

    @Test
    void theAuthorIsAFirstNameAndAnInitial() {
        assertEquals("Anna K.", by("Anna Kowalski").buyerShortName());
        assertEquals("Anna M.", by("  Anna  Maria   Müller ").buyerShortName());
        assertEquals("Li", by("Li").buyerShortName());
        assertEquals("A buyer", by(null).buyerShortName());
        assertEquals("A buyer", by(" ").buyerShortName());
    }

    private static Review by(String buyerName) {
        return new Review("t", "r", "c", "d", "Deal", "b", buyerName, 5, "Good", Instant.EPOCH, null, null);
    }
}
