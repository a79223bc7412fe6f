package org.sealdrop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.testsupport.CliRun;
import org.sealdrop.auditserver.AuditServer;
import org.sealdrop.auditserver.EventQuery;
import org.sealdrop.auditserver.ServerTls;
import org.sealdrop.config.Settings;
import org.sealdrop.config.SettingsFile;
import org.sealdrop.testsupport.TestCertificates;
import org.sealdrop.testsupport.TestEnvironment;

/**
 * The services of a home folder whose {@code settings.json} points at an HTTPS receiver with a private
 * certificate: an upload's event arrives only when {@code auditTrustStore} names that certificate.
 */
class AuditOverHttpsTest {

    static final char[] PASSWORD = "receiver-key-store-password".toCharArray();
    static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    TestEnvironment environment;
    LocalServices services;
    AuditServer httpsReceiver;
    Path trustStore;

    @BeforeEach
    void start() throws Exception {
        environment = TestEnvironment.start(temp);
        services = environment.services();
        TestCertificates certificate = TestCertificates.selfSigned("127.0.0.1", "localhost");
        Path keyStore = certificate.writeKeyStore(temp.resolve("receiver.p12"), PASSWORD);
        httpsReceiver = AuditServer.start(new InetSocketAddress(TestCertificates.loopback(), 0),
                temp.resolve("https-events.db"), Set.of(Files.readString(environment.tokenFile()).strip()),
                ServerTls.fromPkcs12(keyStore, PASSWORD));
        trustStore = certificate.writeTrustStore(temp.resolve("audit-trust.p12"));
    }

    @AfterEach
    void stop() {
        environment.close();
        httpsReceiver.close();
    }

    @Test
    void trustStoreInSettingsDelivers() throws Exception {
        Settings current = services.settings().orElseThrow();
        services.reconfigure(current.withEndpoints(current.endpoint(), byName(httpsReceiver.baseUrl()))
                .withAuditTrustStore(trustStore));

        services.documents().upload(smallFile(), null, TransferListener.NONE);

        assertTrue(services.flushAudit(FLUSH_TIMEOUT));
        List<JsonNode> events = httpsReceiver.store().query(EventQuery.all());
        assertEquals("upload", events.get(events.size() - 1).get("action").asText());
        assertEquals(trustStore, SettingsFile.read(environment.home().settingsFile()).orElseThrow().auditTrustStore());
    }

    @Test
    void initWithTrustStoreDelivers() throws Exception {
        services.close();
        environment.shareCredentialsWithCommandLine();
        Path secondHome = temp.resolve("second-home");

        CliRun init = CliRun.of("--home", secondHome.toString(), "init",
                "--endpoint", environment.s3().endpoint().toString(), "--bucket", TestEnvironment.BUCKET,
                "--prefix", TestEnvironment.PREFIX, "--audit-url", byName(httpsReceiver.baseUrl()).toString(),
                "--audit-token-file", environment.tokenFile().toString(), "--audit-trust-store", trustStore.toString(),
                "--passphrase-file", environment.passphraseFile().toString());

        assertEquals(0, init.exitCode(), init::toString);
        assertEquals(trustStore, SettingsFile.read(new HomeFolder(secondHome).settingsFile()).orElseThrow().auditTrustStore());
        // The join's own unlock and lock events went through the trust store.
        assertFalse(httpsReceiver.store().query(EventQuery.all()).isEmpty());
    }

    @Test
    void withoutTrustStoreEventsWait() throws Exception {
        Settings current = services.settings().orElseThrow();
        services.reconfigure(current.withEndpoints(current.endpoint(), byName(httpsReceiver.baseUrl())));

        services.documents().upload(smallFile(), null, TransferListener.NONE);

        assertFalse(services.flushAudit(FLUSH_TIMEOUT));
        assertEquals(0, httpsReceiver.store().query(EventQuery.all()).size());
    }

    private Path smallFile() throws Exception {
        return Files.writeString(temp.resolve("note.txt"), "a short clinic note\n", StandardCharsets.UTF_8);
    }

    /** Returns the URL with {@code localhost}, a name the certificate carries, in place of the address. */
    private static URI byName(URI baseUrl) {
        return URI.create("https://localhost:" + baseUrl.getPort());
    }
}
