package io.groupdeal.interfaces.rest;

import io.groupdeal.application.PageRequest;
import io.groupdeal.application.problem.InvalidInput;

/** Reads {@code ?page=&size=} leniently typed, so that {@code size=abc} is a clear 400 rather than a 404. */
public final class Paging {

    private Paging() {
    }

    public static PageRequest of(String page, String size) {
        return new PageRequest(number(page, "page", 0), number(size, "size", 20));
    }

    private static int number(String text, String field, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "whole-number");
        }
    }
}
