package org.sealdrop.demo;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.sealdrop.SealDropException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * An S3-compatible server (S3Proxy 4.1.0) inside this process, bound to 127.0.0.1 only, for
 * {@code sealdrop demo} and the tests.
 *
 * <p>It requires AWS Signature V4 with an access key and secret that are generated at random for each
 * start (unless the caller gives them), kept in memory only and never logged. {@link #credentials()} hands them to the client. Unknown
 * request headers are ignored because S3Proxy otherwise responds with 501 to headers that newer SDKs send,
 * such as {@code x-amz-mp-object-size}.
 */
public final class EmbeddedS3 implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedS3.class);
    static final String BIND_HOST = "127.0.0.1";

    private final S3Proxy proxy;
    private final BlobStore blobStore;
    private final URI configuredEndpoint;
    private final URI endpoint;
    private final AwsCredentialsProvider credentials;
    private final String bucket;

    private EmbeddedS3(S3Proxy proxy, BlobStore blobStore, URI configuredEndpoint, AwsCredentialsProvider credentials,
            String bucket) {
        this.proxy = proxy;
        this.blobStore = blobStore;
        this.configuredEndpoint = configuredEndpoint;
        this.endpoint = URI.create("http://" + BIND_HOST + ":" + proxy.getPort());
        this.credentials = credentials;
        this.bucket = bucket;
    }

    /**
     * Starts the server on {@code 127.0.0.1:port} and creates {@code bucket} if it is missing.
     *
     * @param dataDirectory folder that keeps the buckets between runs (created if missing), or
     *     {@code null} to keep them in memory until {@link #close()}
     * @param port the TCP port, or 0 for any free port
     * @throws SealDropException {@code SD-DEMO-S3} when the folder cannot be created or the server
     *     cannot start, for example because the port is taken
     */
    public static EmbeddedS3 start(Path dataDirectory, String bucket, int port) {
        SecureRandom random = new SecureRandom();
        String accessKey = "SD" + HexFormat.of().withUpperCase().formatHex(randomBytes(random, 9));
        String secretKey = HexFormat.of().formatHex(randomBytes(random, 30));
        return start(dataDirectory, bucket, port, AwsBasicCredentials.create(accessKey, secretKey));
    }

    /**
     * Starts the server like {@link #start(Path, String, int)} but accepting the given access key and
     * secret, for the demo, whose published credentials let the command line reach its sample data.
     */
    public static EmbeddedS3 start(Path dataDirectory, String bucket, int port, AwsBasicCredentials accepted) {
        Objects.requireNonNull(bucket, "bucket");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 to 65535: " + port);
        }
        QuietLogging.limitToWarnings("org.gaul");
        BlobStore blobStore = openBlobStore(dataDirectory);
        String accessKey = accepted.accessKeyId();
        String secretKey = accepted.secretAccessKey();

        URI bindEndpoint = URI.create("http://" + BIND_HOST + ":" + port);
        S3Proxy.Builder builder = S3Proxy.builder()
                .blobStore(blobStore)
                .endpoint(bindEndpoint)
                .awsAuthentication(AuthenticationType.AWS_V4, accessKey, secretKey)
                .ignoreUnknownHeaders(true)
                .metricsEnabled(false)
                .stopTimeout(0);
        S3Proxy proxy = builder.build();
        try {
            proxy.start();
            createBucketIfMissing(blobStore, bucket);
        } catch (Exception e) {
            stopQuietly(proxy, blobStore);
            throw new SealDropException("SD-DEMO-S3", "The embedded S3 server could not start on " + bindEndpoint
                    + "; choose another port or close the program that uses it.", e);
        }

        EmbeddedS3 server = new EmbeddedS3(proxy, blobStore, builder.getEndpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)), bucket);
        LOG.info("Embedded S3 server listening on {} with bucket {} ({})", server.endpoint, bucket,
                dataDirectory == null ? "in memory" : "stored on disk");
        return server;
    }

    /** Returns {@code http://127.0.0.1:PORT} with the port the server actually listens on. */
    public URI endpoint() {
        return endpoint;
    }

    /** Returns the access key and secret that this server accepts. */
    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    public String bucket() {
        return bucket;
    }

    /** Returns the endpoint given to S3Proxy, whose host is the address its listener binds to. */
    URI configuredEndpoint() {
        return configuredEndpoint;
    }

    /** Stops the server. Objects kept in memory are gone, and objects on disk stay. */
    @Override
    public void close() {
        stopQuietly(proxy, blobStore);
        LOG.info("Embedded S3 server on {} stopped", endpoint);
    }

    private static BlobStore openBlobStore(Path dataDirectory) {
        if (dataDirectory == null) {
            return new TransientNio2BlobStore();
        }
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new SealDropException("SD-DEMO-S3", "The demo storage folder " + dataDirectory
                    + " could not be created; check its permissions or choose another folder.", e);
        }
        return new FilesystemNio2BlobStore(dataDirectory.toAbsolutePath().toString());
    }

    private static void createBucketIfMissing(BlobStore blobStore, String bucket) {
        boolean exists = blobStore.list().buckets().stream().anyMatch(existing -> existing.name().equals(bucket));
        if (!exists) {
            blobStore.createContainer(bucket);
        }
    }

    private static void stopQuietly(S3Proxy proxy, BlobStore blobStore) {
        try {
            proxy.stop();
        } catch (Exception e) {
            LOG.warn("Stopping the embedded S3 server failed", e);
        } finally {
            blobStore.close();
        }
    }

    private static byte[] randomBytes(SecureRandom random, int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
