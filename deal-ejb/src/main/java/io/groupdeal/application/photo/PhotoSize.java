package io.groupdeal.application.photo;

import java.util.Locale;
import java.util.Optional;

/**
 * The renditions the pages use, each the picture scaled to fit a square box (never enlarged): {@code thumb} for the
 * editor's list and the gallery's strip, {@code card} for storefront cards, {@code large} for the deal page.
 */
public enum PhotoSize {
    THUMB(160),
    CARD(480),
    LARGE(1280);

    private final int box;

    PhotoSize(int box) {
        this.box = box;
    }

    public int box() {
        return box;
    }

    /** The name in URLs: {@code thumb}, {@code card}, {@code large}. */
    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PhotoSize> ofPath(String path) {
        for (PhotoSize size : values()) {
            if (size.path().equals(path)) {
                return Optional.of(size);
            }
        }
        return Optional.empty();
    }

    /** Width and height of a picture of {@code width} × {@code height} fitted into this size's box. */
    public int[] fit(int width, int height) {
        double scale = Math.min(1.0, (double) box / Math.max(width, height));
        return new int[] {Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale))};
    }
}
