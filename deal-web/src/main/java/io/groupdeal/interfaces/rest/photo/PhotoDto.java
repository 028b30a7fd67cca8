package io.groupdeal.interfaces.rest.photo;

import io.groupdeal.domain.photo.DealPhoto;
import io.groupdeal.interfaces.media.PhotoUrls;
import java.io.Serializable;
import java.util.List;

/**
 * A photo: {@code url} of its {@code large} rendition with that rendition's {@code width} and {@code height}; the
 * {@code card} and {@code thumb} renditions are the same URL with that size instead ({@link #url(String)}).
 */
public record PhotoDto(String id, String url, int width, int height) implements Serializable {

    public static PhotoDto of(DealPhoto photo) {
        return new PhotoDto(photo.id(), PhotoUrls.of(photo.id(), "large"), photo.width(), photo.height());
    }

    public static List<PhotoDto> of(List<DealPhoto> photos) {
        return photos == null ? List.of() : photos.stream().map(PhotoDto::of).toList();
    }

    /** The URL of another rendition: {@code card}, {@code thumb} or {@code large}. */
    public String url(String size) {
        return PhotoUrls.of(id, size);
    }
}
