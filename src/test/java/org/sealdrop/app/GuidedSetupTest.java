package org.sealdrop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.config.Settings;
import org.sealdrop.testsupport.TestEnvironment;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * The wizard's connection tests and set-up with typed secrets, against the real S3Proxy and audit
 * receiver of a {@link TestEnvironment}.
 */
class GuidedSetupTest {

    @TempDir
    Path root;

    private TestEnvironment environment;
    private LocalServices services;

    @BeforeEach
    void start() throws IOException {
        environment = TestEnvironment.start(root.resolve("environment"));
        // No credentials in the options: every S3 request below uses the keys the test types.
        ServiceOptions typedOnly = ServiceOptions.defaults().withArgon2(TestEnvironment.TEST_ARGON2);
        services = LocalServices.open(new HomeFolder(root.resolve("wizard-home")), typedOnly);
    }

    @AfterEach
    void stop() {
        services.close();
        environment.close();
    }

    @Test
    void storageTestPassesWithRightKeys() {
        try (SetupCredentials typed = rightKeys()) {
            services.vault().testStorage(environment.vaultSetup(), typed);
        }
        assertTrue(Files.notExists(services.home().settingsFile()), "a test saves nothing");
    }

    @Test
    void storageTestReportsMissingBucket() {
        VaultSetup wrongBucket = new VaultSetup(environment.s3().endpoint(), "us-east-1", "no-such-bucket",
                TestEnvironment.PREFIX, null, null);

        assertEquals("SD-S3-NO-BUCKET", storageFailure(wrongBucket, rightKeys()));
    }

    @Test
    void storageTestReportsWrongSecret() {
        AwsCredentials right = environment.s3().credentials().resolveCredentials();
        SetupCredentials wrongSecret = new SetupCredentials(right.accessKeyId(), "not-the-secret".toCharArray(),
                new char[0]);

        assertEquals("SD-S3-ACCESS-DENIED", storageFailure(environment.vaultSetup(), wrongSecret));
    }

    @Test
    void storageTestReportsRefusedPort() throws IOException {
        VaultSetup refused = new VaultSetup(refusedUrl(), "us-east-1", TestEnvironment.BUCKET, TestEnvironment.PREFIX,
                null, null);

        assertEquals("SD-S3-UNREACHABLE", storageFailure(refused, rightKeys()));
    }

    @Test
    void auditTestPassesWithoutWritingEvent() throws IOException {
        int before = environment.receivedEvents().size();
        try (SetupCredentials typed = new SetupCredentials("", new char[0], tokenOfEnvironment())) {
            services.vault().testAuditReceiver(audit(environment.receiver().baseUrl(), null), typed);
        }
        services.vault().testAuditReceiver(audit(environment.receiver().baseUrl(), environment.tokenFile()),
                SetupCredentials.none());

        assertEquals(before, environment.receivedEvents().size());
    }

    @Test
    void auditTestReportsWrongToken() {
        SetupCredentials wrong = new SetupCredentials("", new char[0], "wrong-token-0123456789".toCharArray());

        assertEquals("SD-AUDIT-TOKEN", auditFailure(audit(environment.receiver().baseUrl(), null), wrong));
    }

    @Test
    void auditTestReportsRefusedPort() throws IOException {
        SetupCredentials typed = new SetupCredentials("", new char[0], tokenOfEnvironment());

        assertEquals("SD-AUDIT-UNREACHABLE", auditFailure(audit(refusedUrl(), null), typed));
    }

    @Test
    void auditTestReportsOtherStatus() throws IOException {
        // A web server without /v1/status, like one at a mistyped audit URL, responds with 404.
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        other.start();
        try {
            SetupCredentials typed = new SetupCredentials("", new char[0], tokenOfEnvironment());
            URI otherUrl = URI.create("http://127.0.0.1:" + other.getAddress().getPort());

            assertEquals("SD-AUDIT-REFUSED", auditFailure(audit(otherUrl, null), typed));
        } finally {
            other.stop(0);
        }
    }

    @Test
    void setUpWithTypedSecrets() throws IOException {
        VaultSetup withoutTokenFile = audit(environment.receiver().baseUrl(), null);
        VaultSetup setup = new VaultSetup(environment.s3().endpoint(), "us-east-1", TestEnvironment.BUCKET,
                "typed/", withoutTokenFile.auditUrl(), null);
        AwsCredentials right = environment.s3().credentials().resolveCredentials();
        char[] secret = right.secretAccessKey().toCharArray();
        char[] token = tokenOfEnvironment();

        try (SetupCredentials typed = new SetupCredentials(right.accessKeyId(), secret, token);
                SetUpResult result = services.vault().setUpVault(setup, typed, TestEnvironment.PASSPHRASE.toCharArray(),
                        true)) {
            assertTrue(result.created());
        }

        assertEquals(VaultState.UNLOCKED, services.vault().state());
        Path tokenFile = services.home().root().resolve("audit.token");
        assertEquals(tokenFile, services.settings().map(Settings::auditTokenFile).orElseThrow());
        assertEquals(Files.readString(environment.tokenFile()).strip(), Files.readString(tokenFile).strip());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
        String settings = Files.readString(services.home().settingsFile());
        assertFalse(settings.contains(right.secretAccessKey()), settings);
        assertFalse(settings.contains(right.accessKeyId()), settings);
        assertTrue(services.flushAudit(Duration.ofSeconds(30)), "the typed token is accepted by the receiver");
        assertEquals(0, java.util.stream.IntStream.range(0, secret.length).filter(i -> secret[i] != 0).count(),
                "the typed secret is wiped");
    }

    private SetupCredentials rightKeys() {
        AwsCredentials right = environment.s3().credentials().resolveCredentials();
        return new SetupCredentials(right.accessKeyId(), right.secretAccessKey().toCharArray(), new char[0]);
    }

    private char[] tokenOfEnvironment() throws IOException {
        return Files.readString(environment.tokenFile()).strip().toCharArray();
    }

    private String storageFailure(VaultSetup setup, SetupCredentials typed) {
        try (typed) {
            return assertThrows(SealDropException.class, () -> services.vault().testStorage(setup, typed)).errorCode();
        }
    }

    private String auditFailure(VaultSetup setup, SetupCredentials typed) {
        try (typed) {
            return assertThrows(SealDropException.class, () -> services.vault().testAuditReceiver(setup, typed))
                    .errorCode();
        }
    }

    private static VaultSetup audit(URI auditUrl, Path tokenFile) {
        return new VaultSetup(null, null, null, null, auditUrl, tokenFile);
    }

    /** Returns a loopback URL whose port was free a moment ago, so a connection to it is refused. */
    static URI refusedUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
