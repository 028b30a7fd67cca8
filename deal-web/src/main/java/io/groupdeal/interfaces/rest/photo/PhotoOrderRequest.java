package io.groupdeal.interfaces.rest.photo;

import java.util.List;

/** {@code {order: [photoId, ...]}}: every photo of the deal once, the cover first. */
public record PhotoOrderRequest(List<String> order) {}
