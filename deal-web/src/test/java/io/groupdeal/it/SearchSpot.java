package io.groupdeal.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A random spot of the southern ocean from which a catalog IT searches for nearby deals: no other test's stores are
 * near it, so the ranking a test sees is of its own stores only. A test places its stores {@code km} due north of it.
 */
record SearchSpot(double lat, double lng) {

    private static final double EARTH_RADIUS_KM = 6371.0088;
    private static final double KM_PER_DEGREE = Math.PI * EARTH_RADIUS_KM / 180;

    static SearchSpot random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new SearchSpot(-45 + random.nextDouble(5), -100 + random.nextDouble(20));
    }

    /** The query parameters that search from here. */
    String query() {
        return "lat=" + lat + "&lng=" + lng;
    }

    /** A new store of the owner {@code kmNorth} due north of the spot: its id. */
    String store(Http http, Fixtures.Merchant owner, String name, double kmNorth) {
        Reply reply =
                http.post("api/v1/stores", Fixtures.store(name, lat + kmNorth / KM_PER_DEGREE, lng), owner.token());
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getString("id");
    }

    /** Distance from the spot to a point {@code km} due north, by the haversine formula. */
    double haversine(double km) {
        double north = lat + km / KM_PER_DEGREE;
        double dLat = Math.toRadians(north - lat);
        double a = Math.pow(Math.sin(dLat / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
    }
}
