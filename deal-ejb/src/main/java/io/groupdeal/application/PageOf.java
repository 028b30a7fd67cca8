package io.groupdeal.application;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the items, which page, its size and how many there are in all. */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    public <R> PageOf<R> map(Function<T, R> mapper) {
        return new PageOf<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
