package io.groupdeal.domain.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.groupdeal.domain.shared.InvalidValue;
import org.junit.jupiter.api.Test;

class GeoPointTest {

    @Test
    void distanceIsTheGreatCircleDistance() {
        GeoPoint berlin = new GeoPoint(52.5200, 13.4050);
        GeoPoint paris = new GeoPoint(48.8566, 2.3522);
        assertEquals(877.5, berlin.distanceKm(paris), 1.5);
        assertEquals(0.0, berlin.distanceKm(berlin), 1e-9);
        assertEquals(20015.1, new GeoPoint(0, 0).distanceKm(new GeoPoint(0, 180)), 0.5);
    }

    @Test
    void coordinatesMustBeOnEarth() {
        assertEquals(
                "latitude",
                assertThrows(InvalidValue.class, () -> new GeoPoint(90.01, 0)).field());
        assertEquals(
                "latitude",
                assertThrows(InvalidValue.class, () -> new GeoPoint(Double.NaN, 0))
                        .field());
        assertEquals(
                "longitude",
                assertThrows(InvalidValue.class, () -> new GeoPoint(0, -180.5)).field());
        assertEquals(
                "longitude",
                assertThrows(InvalidValue.class, () -> new GeoPoint(0, Double.POSITIVE_INFINITY))
                        .field());
        new GeoPoint(-90, 180);
    }
}
