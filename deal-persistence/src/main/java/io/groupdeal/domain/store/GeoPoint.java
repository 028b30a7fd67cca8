package io.groupdeal.domain.store;

import io.groupdeal.domain.shared.InvalidValue;
import jakarta.persistence.Embeddable;
import java.io.Serializable;

/** A place on earth in WGS84 degrees: latitude -90 to 90, longitude -180 to 180. */
@Embeddable
public class GeoPoint implements Serializable {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    private double latitude;
    private double longitude;

    protected GeoPoint() {}

    public GeoPoint(double latitude, double longitude) {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new InvalidValue("latitude", "between", -90, 90);
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new InvalidValue("longitude", "between", -180, 180);
        }
        this.latitude = latitude;
        this.longitude = longitude;
    }

    public double latitude() {
        return latitude;
    }

    public double longitude() {
        return longitude;
    }

    /** Great-circle distance by the haversine formula, in kilometres. */
    public double distanceKm(GeoPoint other) {
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLng = Math.toRadians(other.longitude - longitude);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(latitude))
                        * Math.cos(Math.toRadians(other.latitude))
                        * Math.pow(Math.sin(dLng / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
