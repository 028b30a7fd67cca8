package io.groupdeal.application;

import io.groupdeal.domain.shared.InvalidValue;

/** Which page of a list: page from 0, size from 1 to 100. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (page < 0) {
            throw new InvalidValue("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidValue("size", "must be between 1 and " + MAX_SIZE);
        }
    }
}
