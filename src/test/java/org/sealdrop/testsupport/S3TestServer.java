package org.sealdrop.testsupport;

import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.sealdrop.demo.EmbeddedS3;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.storage.StorageSettings;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A JUnit 5 extension that runs one in-memory {@link EmbeddedS3} on 127.0.0.1 for a test class.
 *
 * <p>Register it on a static field with {@code @RegisterExtension}, as {@code ObjectStoreTest} does, and
 * open a store on a fresh prefix in each test:
 *
 * <pre>{@code
 * static final S3TestServer S3 = new S3TestServer();
 *
 * try (ObjectStore store = S3.newStore()) { ... }
 * }</pre>
 *
 * <p>{@link #rawClient()} is a plain SDK client for checks that go around {@link ObjectStore}, such as
 * listing multipart uploads that were left behind.
 */
public final class S3TestServer implements BeforeAllCallback, AfterAllCallback {

    public static final String BUCKET = "sealdrop-test";
    public static final String REGION = "us-east-1";

    static {
        // Tests use static credentials only. This property also keeps any credentials chain that a test
        // builds by mistake away from the EC2 instance metadata service.
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    private EmbeddedS3 server;
    private S3Client rawClient;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = EmbeddedS3.start(null, BUCKET, 0);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (rawClient != null) {
            rawClient.close();
            rawClient = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public EmbeddedS3 server() {
        if (server == null) {
            throw new IllegalStateException("S3TestServer runs only inside a test class that registers it");
        }
        return server;
    }

    /** Returns default settings for a new random prefix {@code test-<uuid>/}, so stores never see each other's objects. */
    public StorageSettings freshSettings() {
        return StorageSettings.defaults(server().endpoint(), REGION, BUCKET, "test-" + UUID.randomUUID());
    }

    /** Opens a store on a fresh prefix with default settings; the caller closes it. */
    public ObjectStore newStore() {
        return newStore(freshSettings());
    }

    /** Opens a store with the given settings and this server's credentials; the caller closes it. */
    public ObjectStore newStore(StorageSettings settings) {
        return new ObjectStore(settings, server().credentials());
    }

    /** Returns a plain SDK client for this server, closed with the server. */
    @SuppressWarnings("deprecation") // the same ApacheHttpClient that ObjectStore uses, so both behave alike
    public synchronized S3Client rawClient() {
        if (rawClient == null) {
            rawClient = S3Client.builder()
                    .endpointOverride(server().endpoint())
                    .region(Region.of(REGION))
                    .forcePathStyle(true)
                    .credentialsProvider(server().credentials())
                    .httpClientBuilder(ApacheHttpClient.builder())
                    .overrideConfiguration(override -> override.defaultProfileFileSupplier(
                            () -> ProfileFile.builder().content("").type(ProfileFile.Type.CONFIGURATION).build()))
                    .build();
        }
        return rawClient;
    }
}
