package io.groupdeal.application.photo;

import io.groupdeal.domain.photo.MediaObjects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/** Media in the product's own database ({@code media_object}, see {@link MediaObjects}): the default, which needs nothing besides. */
@ApplicationScoped
public class DatabaseMediaStore implements MediaStore {

    @Inject
    private MediaObjects objects;

    @Inject
    private Clock clock;

    @Override
    public void put(String key, String contentType, byte[] bytes) {
        objects.put(key, contentType, bytes, clock.instant());
    }

    @Override
    public Optional<byte[]> get(String key) {
        return objects.get(key);
    }

    @Override
    public void delete(String key) {
        objects.delete(key);
    }
}
