package io.groupdeal.interfaces.rest;

import io.groupdeal.application.PageOf;
import java.util.List;
import java.util.function.Function;

/** A list answer: {@code {items, page, size, total}}. */
public record PageDto<T>(List<T> items, int page, int size, long total) {

    public static <S, T> PageDto<T> of(PageOf<S> page, Function<S, T> mapper) {
        return new PageDto<>(page.items().stream().map(mapper).toList(), page.page(), page.size(), page.total());
    }
}
