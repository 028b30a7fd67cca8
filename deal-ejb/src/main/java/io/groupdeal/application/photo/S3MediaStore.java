package io.groupdeal.application.photo;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Media in an S3-compatible bucket (AWS S3, MinIO, Ceph, Garage, ...) through the AWS SDK's S3 client, for a cluster
 * whose members share no folder: {@code DEAL_MEDIA_S3_ENDPOINT} (none: AWS itself), {@code DEAL_MEDIA_S3_REGION},
 * {@code DEAL_MEDIA_S3_BUCKET}, {@code DEAL_MEDIA_S3_ACCESS_KEY} and {@code DEAL_MEDIA_S3_SECRET_KEY} (none: the SDK's
 * default chain, such as an instance role), {@code DEAL_MEDIA_S3_PATH_STYLE} (true: {@code endpoint/bucket/key}, as
 * most self-hosted stores want). The product serves the bytes itself, so the bucket stays private.
 */
public class S3MediaStore implements MediaStore {

    /** The connection settings. */
    public record Settings(
            String endpoint, String region, String bucket, String accessKey, String secretKey, boolean pathStyle) {}

    private final S3Client client;
    private final String bucket;

    public S3MediaStore(Settings settings) {
        this.bucket = settings.bucket();
        AwsCredentialsProvider credentials = settings.accessKey() == null
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
        S3ClientBuilder builder = S3Client.builder()
                // The JDK's HttpURLConnection: no Apache or Netty client in the WAR for a handful of calls.
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(3))
                        .socketTimeout(Duration.ofSeconds(20)))
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle())
                // Checksums only where S3 requires them: the SDK's default (a CRC trailer in an aws-chunked body on
                // every upload) is refused by many S3-compatible stores.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                // The body signed whole (its SHA-256 in a header), not as signed aws-chunked parts: a photo is in
                // memory anyway, and every S3-compatible store takes a plain body.
                .serviceConfiguration(
                        S3Configuration.builder().chunkedEncodingEnabled(false).build());
        if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        this.client = builder.build();
    }

    @Override
    public void put(String key, String contentType, byte[] bytes) {
        client.putObject(r -> r.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(
                    client.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) {
        client.deleteObject(r -> r.bucket(bucket).key(key));
    }
}
