package io.groupdeal.interfaces.rest;

import io.groupdeal.application.Periods;
import io.groupdeal.application.problem.InvalidInput;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Query parameters typed by JAX-RS, with the API's own refusal: a whole number ({@code ?size=}), a finite number
 * ({@code ?lat=}), a day of the years {@link Periods} allows ({@code ?date=2026-11-23}) and a constant of an enum
 * ({@code ?status=ON_SALE}). Absent or blank is null. A value that does not read is an {@link InvalidInput} naming
 * the parameter and the rule it broke; JAX-RS wraps it in its 404 for a query parameter that does not convert, and
 * the {@code WebApplicationExceptionMapper} answers the wrapped problem instead (a 400 validation problem). Path and
 * header parameters are left to JAX-RS.
 */
@Provider
public class QueryParams implements ParamConverterProvider {

    /** An {@code Integer} query parameter that must lie between two bounds, refused with that rule when it does not. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.PARAMETER, ElementType.FIELD})
    public @interface WholeNumberBetween {
        int min();

        int max();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String field = nameOf(annotations);
        if (field == null) {
            return null;
        }
        if (rawType == Integer.class) {
            WholeNumberBetween bounds = find(annotations, WholeNumberBetween.class);
            return (ParamConverter<T>)
                    (bounds == null
                            ? new Reading<>(field, Integer::valueOf, "whole-number")
                            : new Reading<>(
                                    field,
                                    text -> between(text, bounds),
                                    "whole-number-between",
                                    bounds.min(),
                                    bounds.max()));
        }
        if (rawType == Double.class) {
            return (ParamConverter<T>) new Reading<>(field, QueryParams::finite, "number");
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) new Reading<>(field, text -> day(text, field), "date-such-as", "2026-11-23");
        }
        if (rawType.isEnum()) {
            String names = Arrays.stream(rawType.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
            return (ParamConverter<T>)
                    new Reading<>(field, text -> Enum.valueOf((Class) rawType, text), "one-of", names);
        }
        return null;
    }

    /** Reads one parameter; anything the reader refuses is the parameter's validation problem. */
    private record Reading<V>(String field, Function<String, V> read, String rule, Object... args)
            implements ParamConverter<V> {

        @Override
        public V fromString(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return read.apply(text.strip());
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new InvalidInput(field, rule, args);
            }
        }

        @Override
        public String toString(V value) {
            return value == null ? null : value.toString();
        }
    }

    private static Integer between(String text, WholeNumberBetween bounds) {
        int value = Integer.parseInt(text);
        if (value < bounds.min() || value > bounds.max()) {
            throw new IllegalArgumentException("out of bounds");
        }
        return value;
    }

    private static Double finite(String text) {
        double value = Double.parseDouble(text);
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new NumberFormatException("not finite");
        }
        return value;
    }

    private static LocalDate day(String text, String field) {
        LocalDate day = LocalDate.parse(text);
        Periods.requireDay(day, field);
        return day;
    }

    private static String nameOf(Annotation[] annotations) {
        QueryParam query = find(annotations, QueryParam.class);
        return query == null ? null : query.value();
    }

    private static <A extends Annotation> A find(Annotation[] annotations, Class<A> type) {
        if (annotations == null) {
            return null;
        }
        for (Annotation annotation : annotations) {
            if (type.isInstance(annotation)) {
                return type.cast(annotation);
            }
        }
        return null;
    }
}
