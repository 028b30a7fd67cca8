package io.groupdeal.domain.photo;

import io.groupdeal.domain.shared.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code media_object} rows: the bytes of photos kept in the product's own database (the default media store),
 * by their key. A key names one object of the whole platform (it holds the photo's id), so no tenant is named here.
 */
@ApplicationScoped
public class MediaObjects {

    @Inject
    private NativeSql sql;

    public void put(String key, String contentType, byte[] bytes, Instant now) {
        sql.update(
                "INSERT INTO media_object (object_key, content_type, bytes, created_at) VALUES (?, ?, ?, ?)",
                List.of(key, contentType, bytes, now));
    }

    public Optional<byte[]> get(String key) {
        return sql.first("SELECT bytes FROM media_object WHERE object_key = ?", List.of(key), r -> r.bytes("bytes"));
    }

    public void delete(String key) {
        sql.update("DELETE FROM media_object WHERE object_key = ?", List.of(key));
    }
}
