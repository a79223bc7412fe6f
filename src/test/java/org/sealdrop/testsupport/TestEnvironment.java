package org.sealdrop.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.ServiceOptions;
import org.sealdrop.app.VaultSetup;
import org.sealdrop.auditserver.AuditServer;
import org.sealdrop.auditserver.EventQuery;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.demo.EmbeddedS3;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.storage.StorageSettings;
import org.sealdrop.vault.Argon2Settings;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * A complete SealDrop set-up for one test: S3Proxy and the audit receiver on 127.0.0.1, a token
 * file, a passphrase file and a home folder. {@link #services()} opens the home folder's services
 * with a vault already created and unlocked.
 */
public final class TestEnvironment implements AutoCloseable {

    public static final String BUCKET = "sealdrop-test";
    public static final String PREFIX = "clinic/";
    public static final String PASSPHRASE = "correct horse battery staple";

    /** Cheap Argon2id for tests that open many sessions; still above the key file's lower bound. */
    public static final Argon2Settings TEST_ARGON2 = new Argon2Settings(19 * 1024, 1, 1);

    private final Path root;
    private final EmbeddedS3 s3;
    private final AuditServer receiver;
    private final Path receiverDatabase;
    private final Path tokenFile;
    private final Path passphraseFile;
    private LocalServices services;

    private TestEnvironment(Path root, Path s3Data) throws IOException {
        this.root = root;
        this.s3 = EmbeddedS3.start(s3Data, BUCKET, 0);
        this.receiverDatabase = root.resolve("receiver").resolve("events.db");
        Files.createDirectories(receiverDatabase.getParent());
        this.tokenFile = root.resolve("audit.token");
        Files.writeString(tokenFile, "test-token-" + UUID.randomUUID() + "\n", StandardCharsets.US_ASCII);
        this.receiver = AuditServer.start(new InetSocketAddress("127.0.0.1", 0), receiverDatabase,
                Set.of(Files.readString(tokenFile).strip()));
        this.passphraseFile = root.resolve("passphrase.txt");
        Files.writeString(passphraseFile, PASSPHRASE + "\n", StandardCharsets.UTF_8);
    }

    /** Starts the servers; {@code root} is a fresh temporary folder of the test. */
    public static TestEnvironment start(Path root) throws IOException {
        return new TestEnvironment(root, null);
    }

    /**
     * Starts the servers with S3Proxy keeping its objects in {@code s3Data} rather than in the heap, for
     * tests that limit the heap.
     */
    public static TestEnvironment startOnDisk(Path root, Path s3Data) throws IOException {
        return new TestEnvironment(root, s3Data);
    }

    public HomeFolder home() {
        return new HomeFolder(root.resolve("home"));
    }

    public VaultSetup vaultSetup() {
        return new VaultSetup(s3.endpoint(), "us-east-1", BUCKET, PREFIX, receiver.baseUrl(), tokenFile);
    }

    /** Services of {@link #home()} with the vault created (on first call) and unlocked. */
    public synchronized LocalServices services() {
        if (services == null) {
            services = LocalServices.open(home(), options());
            services.vault().setUp(vaultSetup(), PASSPHRASE.toCharArray());
        }
        return services;
    }

    /**
     * Lets the command line, which takes S3 credentials from the AWS SDK's default chain, reach this
     * environment's S3Proxy: the chain reads the {@code aws.accessKeyId} and {@code aws.secretAccessKey}
     * system properties first. {@link #close()} clears them again.
     */
    public void shareCredentialsWithCommandLine() {
        var credentials = s3.credentials().resolveCredentials();
        System.setProperty("aws.accessKeyId", credentials.accessKeyId());
        System.setProperty("aws.secretAccessKey", credentials.secretAccessKey());
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    public ServiceOptions options() {
        return ServiceOptions.defaults().withCredentials(s3.credentials(), null).withArgon2(TEST_ARGON2);
    }

    /** Returns a client of the bucket for inspecting or tampering with objects behind SealDrop's back. */
    public ObjectStore bucket() {
        return new ObjectStore(StorageSettings.defaults(s3.endpoint(), "us-east-1", BUCKET, ""), s3.credentials());
    }

    /**
     * Lists the multipart uploads in the test bucket that were started and neither completed nor
     * aborted, under any prefix.
     */
    public List<MultipartUpload> multipartUploads() {
        try (S3Client client = S3Client.builder()
                .endpointOverride(s3.endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(s3.credentials())
                .build()) {
            return client.listMultipartUploads(request -> request.bucket(BUCKET)).uploads();
        }
    }

    /** Events stored by the receiver, oldest first. */
    public List<JsonNode> receivedEvents() {
        return receiver.store().query(new EventQuery(null, null, null, null, null, null, EventQuery.MAX_LIMIT));
    }

    public EmbeddedS3 s3() {
        return s3;
    }

    public AuditServer receiver() {
        return receiver;
    }

    public Path receiverDatabase() {
        return receiverDatabase;
    }

    public Path tokenFile() {
        return tokenFile;
    }

    public Path passphraseFile() {
        return passphraseFile;
    }

    public Path root() {
        return root;
    }

    @Override
    public synchronized void close() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (services != null) {
            services.close();
        }
        receiver.close();
        s3.close();
    }
}
