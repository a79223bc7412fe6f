package org.sealdrop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;
import org.sealdrop.auditserver.AuditServer;
import org.sealdrop.auditserver.ServerTls;
import org.sealdrop.config.Settings;
import org.sealdrop.testsupport.CliRun;
import org.sealdrop.testsupport.TestCertificates;
import org.sealdrop.testsupport.TestEnvironment;

/**
 * The wizard's "Test audit endpoint" and {@code doctor}'s audit check refuse an HTTPS receiver whose
 * certificate is not trusted or names another host, with {@code SD-AUDIT-TLS}. {@code doctor} accepts
 * the receiver once {@code auditTrustStore} names its certificate, as the audit sender does.
 */
class UntrustedAuditCheckTest {

    private static final char[] PASSWORD = "receiver-key-store-password".toCharArray();

    @TempDir
    Path temp;

    private TestEnvironment environment;
    private AuditServer httpsReceiver;
    private Path trustStore;

    @BeforeEach
    void start() throws Exception {
        environment = TestEnvironment.start(temp);
        environment.services();
        TestCertificates certificate = TestCertificates.selfSigned("localhost");
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
    void wizardTestRejectsUntrustedReceiver() {
        VaultSetup setup = new VaultSetup(environment.s3().endpoint(), "us-east-1", TestEnvironment.BUCKET,
                TestEnvironment.PREFIX, url("localhost"), environment.tokenFile());

        SealDropException e = assertThrows(SealDropException.class,
                () -> environment.services().vault().testAuditReceiver(setup, SetupCredentials.none()));

        assertEquals("SD-AUDIT-TLS", e.errorCode(), e.getMessage());
    }

    @Test
    void doctorRejectsUntrustedReceiver() {
        useAuditUrl(url("localhost"), null);

        CliRun doctor = doctor();

        assertTrue(auditLine(doctor).startsWith("FAIL"), doctor::toString);
        assertTrue(auditLine(doctor).contains("SD-AUDIT-TLS"), doctor::toString);
    }

    @Test
    void doctorRejectsTrustedCertificateForAnotherHost() {
        useAuditUrl(url("127.0.0.1"), trustStore);

        CliRun doctor = doctor();

        assertTrue(auditLine(doctor).contains("SD-AUDIT-TLS"), doctor::toString);
    }

    @Test
    void doctorAcceptsReceiverInTrustStore() {
        useAuditUrl(url("localhost"), trustStore);

        CliRun doctor = doctor();

        assertTrue(auditLine(doctor).startsWith("ok"), doctor::toString);
    }

    private void useAuditUrl(URI auditUrl, Path auditTrustStore) {
        Settings current = environment.services().settings().orElseThrow();
        environment.services().reconfigure(current.withEndpoints(current.endpoint(), auditUrl)
                .withAuditTrustStore(auditTrustStore));
    }

    private CliRun doctor() {
        environment.shareCredentialsWithCommandLine();
        return CliRun.inHome(environment.home(), "doctor");
    }

    private URI url(String host) {
        return URI.create("https://" + host + ":" + httpsReceiver.baseUrl().getPort());
    }

    private static String auditLine(CliRun run) {
        return run.out().lines().filter(line -> line.contains("audit receiver")).findFirst().orElse("missing");
    }
}
