package io.groupdeal.domain.shared;

import java.util.Arrays;
import java.util.List;

/**
 * A value that breaks a rule of the domain: a blank name, a latitude of 91. Names the field so that the client is
 * told which one, and the rule ({@code length-between} with 1 and 120) so that the interfaces can word it in the
 * reader's language. Nothing is written when it is thrown.
 */
public class InvalidValue extends IllegalArgumentException {

    private final String field;
    private final String rule;
    private final List<Object> args;

    public InvalidValue(String field, String rule, Object... args) {
        super(field + ": " + rule + (args.length == 0 ? "" : " " + Arrays.toString(args)));
        this.field = field;
        this.rule = rule;
        this.args = List.copyOf(Arrays.asList(args));
    }

    public String field() {
        return field;
    }

    /** The key of the broken rule's words. */
    public String rule() {
        return rule;
    }

    /** The values the rule's words need, such as its limits. */
    public List<Object> args() {
        return args;
    }
}
