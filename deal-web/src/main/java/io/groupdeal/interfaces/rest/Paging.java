package io.groupdeal.interfaces.rest;

import io.groupdeal.application.PageRequest;
import jakarta.ws.rs.QueryParam;

/**
 * {@code ?page=&size=} of a list, taken with {@code @BeanParam}: page 0 and 20 items when absent; {@code size=abc}
 * is a 400 naming the parameter ({@link QueryParams}), a page or size out of bounds a 400 from {@link PageRequest}.
 */
public class Paging {

    private static final int FIRST_PAGE = 0;
    private static final int USUAL_SIZE = 20;

    @QueryParam("page")
    private Integer page;

    @QueryParam("size")
    private Integer size;

    public PageRequest request() {
        return new PageRequest(page == null ? FIRST_PAGE : page, size == null ? USUAL_SIZE : size);
    }
}
