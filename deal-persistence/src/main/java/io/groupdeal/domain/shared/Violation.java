package io.groupdeal.domain.shared;

import java.util.Arrays;
import java.util.List;

/**
 * One broken rule of a value, named by its field and the rule's key (with the values its words need), for answers
 * that list every problem at once. The interfaces word it.
 */
public record Violation(String field, String rule, List<Object> args) {

    public Violation {
        args = List.copyOf(args);
    }

    public static Violation of(String field, String rule, Object... args) {
        return new Violation(field, rule, Arrays.asList(args));
    }
}
