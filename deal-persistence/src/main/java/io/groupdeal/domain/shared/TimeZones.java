package io.groupdeal.domain.shared;

import java.time.DateTimeException;
import java.time.ZoneId;

/** Time zones that merchants name (a store's, the business's): IANA ids, checked. */
public final class TimeZones {

    private TimeZones() {}

    public static String require(String zone) {
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException | NullPointerException e) {
            throw new InvalidValue("timeZone", "time-zone");
        }
    }
}
