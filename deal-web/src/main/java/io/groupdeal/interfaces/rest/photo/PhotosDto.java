package io.groupdeal.interfaces.rest.photo;

import java.util.List;

/** A deal's photos in their order, cover first: {@code {photos}}. */
public record PhotosDto(List<PhotoDto> photos) {}
