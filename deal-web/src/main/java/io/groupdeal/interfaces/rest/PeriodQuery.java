package io.groupdeal.interfaces.rest;

import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;

/**
 * {@code ?from=&to=} of a report (dashboard, statements, double uses), taken with {@code @BeanParam}: two days, both
 * included. {@code from=abc} is a 400 naming the parameter ({@link QueryParams}); the period itself is checked by the
 * service that reads it (the application's {@code Periods}).
 */
public class PeriodQuery {

    @QueryParam("from")
    private LocalDate from;

    @QueryParam("to")
    private LocalDate to;

    public LocalDate from() {
        return from;
    }

    public LocalDate to() {
        return to;
    }
}
