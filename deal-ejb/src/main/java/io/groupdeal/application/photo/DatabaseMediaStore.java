package io.groupdeal.application.photo;

import io.groupdeal.domain.shared.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Media in the product's own database ({@code media_object}): the default, which needs nothing besides. */
@ApplicationScoped
public class DatabaseMediaStore implements MediaStore {

    @Inject
    private NativeSql sql;

    @Inject
    private Clock clock;

    @Override
    public void put(String key, String contentType, byte[] bytes) {
        sql.update("INSERT INTO media_object (object_key, content_type, bytes, created_at) VALUES (?, ?, ?, ?)",
                List.of(key, contentType, bytes, clock.instant()));
    }

    @Override
    public Optional<byte[]> get(String key) {
        return sql.rows("SELECT bytes FROM media_object WHERE object_key = ?", List.of(key)).stream()
                .findFirst().map(r -> (byte[]) r[0]);
    }

    @Override
    public void delete(String key) {
        sql.update("DELETE FROM media_object WHERE object_key = ?", List.of(key));
    }
}
