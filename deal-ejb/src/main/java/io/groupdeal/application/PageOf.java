package io.groupdeal.application;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: the items, which page, its size and how many there are in all; when not {@code totalExact},
 * there are more than {@code total} (a count that stopped where counting further would cost more than the page).
 */
public record PageOf<T>(List<T> items, int page, int size, long total, boolean totalExact) {

    public PageOf(List<T> items, int page, int size, long total) {
        this(items, page, size, total, true);
    }

    public <R> PageOf<R> map(Function<T, R> mapper) {
        return new PageOf<>(items.stream().map(mapper).toList(), page, size, total, totalExact);
    }
}
