package io.groupdeal.application;

import io.groupdeal.domain.shared.InvalidValue;

/**
 * Which page of a list: page from 0, size from 1 to 100, and no page beyond the first {@value #MAX_OFFSET} items, so
 * that {@code page * size} (the offset every list query skips) neither overflows nor makes the database walk an
 * unbounded number of rows.
 */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 100;
    public static final int MAX_OFFSET = 1_000_000;

    public PageRequest {
        if (page < 0) {
            throw new InvalidValue("page", "at-least", 0);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidValue("size", "between", 1, MAX_SIZE);
        }
        if ((long) page * size > MAX_OFFSET) {
            throw new InvalidValue("page", "page-at-most", MAX_OFFSET / size, size);
        }
    }
}
