package io.groupdeal.application.problem;

import java.util.Arrays;
import java.util.List;

/**
 * Why a request was refused, without its words: the key of the words ({@code sold-out}, {@code not-found.deal}) and the
 * values they need (a limit, a store's name, a moment in the store's zone). The interfaces word it in the reader's
 * language from their bundles; the application never writes a sentence a person reads.
 */
public record Reason(String key, List<Object> args) {

    public Reason {
        args = List.copyOf(args);
    }

    public static Reason of(String key, Object... args) {
        return new Reason(key, Arrays.asList(args));
    }

    @Override
    public String toString() {
        return args.isEmpty() ? key : key + args;
    }
}
