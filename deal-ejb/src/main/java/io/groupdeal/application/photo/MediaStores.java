package io.groupdeal.application.photo;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The media store the settings choose: {@code DEAL_MEDIA_STORE} = {@code database} (default), {@code folder}
 * ({@code DEAL_MEDIA_FOLDER}, default {@code ./data/media}) or {@code s3} ({@code DEAL_MEDIA_S3_*}, see
 * {@link S3MediaStore}). Every member of a cluster must use the same database, shared folder or bucket.
 */
@ApplicationScoped
public class MediaStores {

    @Inject
    @ConfigProperty(name = "deal.media.store", defaultValue = "database")
    private String kind;

    @Inject
    @ConfigProperty(name = "deal.media.folder", defaultValue = "./data/media")
    private String folder;

    @Inject
    @ConfigProperty(name = "deal.media.s3.endpoint")
    private Optional<String> s3Endpoint;

    @Inject
    @ConfigProperty(name = "deal.media.s3.region", defaultValue = "us-east-1")
    private String s3Region;

    @Inject
    @ConfigProperty(name = "deal.media.s3.bucket")
    private Optional<String> s3Bucket;

    @Inject
    @ConfigProperty(name = "deal.media.s3.access-key")
    private Optional<String> s3AccessKey;

    @Inject
    @ConfigProperty(name = "deal.media.s3.secret-key")
    private Optional<String> s3SecretKey;

    @Inject
    @ConfigProperty(name = "deal.media.s3.path-style", defaultValue = "true")
    private boolean s3PathStyle;

    @Inject
    private DatabaseMediaStore database;

    private MediaStore store;

    @PostConstruct
    void choose() {
        store = switch (kind.strip().toLowerCase(Locale.ROOT)) {
            case "database" -> database;
            case "folder" -> new FolderMediaStore(Path.of(folder));
            case "s3" ->
                new S3MediaStore(new S3MediaStore.Settings(
                        s3Endpoint.orElse(null),
                        s3Region,
                        s3Bucket.orElseThrow(
                                () -> new IllegalStateException("DEAL_MEDIA_STORE=s3 needs DEAL_MEDIA_S3_BUCKET")),
                        s3AccessKey.orElse(null),
                        s3SecretKey.orElse(null),
                        s3PathStyle));
            default -> throw new IllegalStateException("DEAL_MEDIA_STORE must be database, folder or s3, not " + kind);
        };
    }

    public MediaStore store() {
        return store;
    }

    /** The key of a photo's rendition. */
    public static String key(String photoId, PhotoSize size) {
        return "photos/" + photoId + "/" + size.path() + ".jpg";
    }
}
