package io.groupdeal.application.photo;

import java.util.Optional;

/**
 * Where the bytes of media live, by key ({@code photos/<photo id>/<size>.jpg}): the database (the default, nothing to
 * set up), a folder, or an S3-compatible store for a cluster ({@code DEAL_MEDIA_STORE}). An object is written once
 * and never changed under its key; it is deleted with its photo.
 */
public interface MediaStore {

    void put(String key, String contentType, byte[] bytes);

    Optional<byte[]> get(String key);

    /** Deletes the object; nothing happens when there is none. */
    void delete(String key);
}
