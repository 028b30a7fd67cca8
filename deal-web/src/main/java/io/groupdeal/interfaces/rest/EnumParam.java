package io.groupdeal.interfaces.rest;

import io.groupdeal.application.problem.InvalidInput;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A query parameter naming a constant of an enum, such as {@code ?status=ON_SALE}; absent or blank is null. */
public final class EnumParam {

    private EnumParam() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "one-of", Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", ")));
        }
    }
}
