package io.groupdeal.interfaces.web;

import io.groupdeal.application.photo.PhotoSize;
import io.groupdeal.domain.photo.DealPhoto;
import io.groupdeal.interfaces.media.PhotoUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The renditions of a photo as pages name them: each size's URL, width and height (a photo carries its {@code large}
 * size; the others fit their boxes the same way the upload made them), and a {@code srcset} that lets the browser
 * pick the smallest that fills its slot on each screen.
 */
@Named
@ApplicationScoped
public class PhotoLinks {

    public String url(DealPhoto photo, String size) {
        return link(photo, size);
    }

    /** The address of one rendition of a photo: {@code card}, {@code thumb} or {@code large}. */
    static String link(DealPhoto photo, String size) {
        return PhotoUrls.of(photo.id(), size);
    }

    public int width(DealPhoto photo, String size) {
        return fit(photo, size)[0];
    }

    public int height(DealPhoto photo, String size) {
        return fit(photo, size)[1];
    }

    /** {@code <thumb url> 160w, <card url> 480w, <large url> 1280w} with the renditions' real widths. */
    public String srcset(DealPhoto photo) {
        return Arrays.stream(PhotoSize.values())
                .map(size -> link(photo, size.path()) + " " + width(photo, size.path()) + "w")
                .distinct()
                .collect(Collectors.joining(", "));
    }

    /** A bundle text with its {0} and {1} filled in (the gallery's labels: "Photo {0} of {1}"). */
    public String fill(String pattern, Object first, Object second) {
        return pattern.replace("{0}", String.valueOf(first)).replace("{1}", String.valueOf(second));
    }

    private static int[] fit(DealPhoto photo, String size) {
        PhotoSize chosen = PhotoSize.ofPath(size).orElse(PhotoSize.LARGE);
        int[] card = PhotoSize.CARD.fit(photo.width(), photo.height());
        return switch (chosen) {
            case LARGE -> new int[] {photo.width(), photo.height()};
            case CARD -> card;
            case THUMB -> PhotoSize.THUMB.fit(card[0], card[1]);
        };
    }
}
