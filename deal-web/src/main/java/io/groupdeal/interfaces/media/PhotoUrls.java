package io.groupdeal.interfaces.media;

/**
 * Where anyone reads a photo's bytes: the API's public media address ({@code MediaResource}), then the photo's id and
 * the size. The API's photos and the pages' images both link there, so the address has this one home beside both.
 */
public final class PhotoUrls {

    /** The path of the photos' bytes, before the photo's id. */
    public static final String MEDIA_PATH = "/api/v1/media/photos/";

    private PhotoUrls() {}

    /** The address of one rendition of a photo: {@code card}, {@code thumb} or {@code large}. */
    public static String of(String photoId, String size) {
        return MEDIA_PATH + photoId + "/" + size;
    }
}
