package org.sealdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.app.AuditSettings;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.TransferListener;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.config.Settings;
import org.sealdrop.testsupport.CliRun;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.TestEnvironment;

/**
 * {@code sealdrop audit status} on a home folder whose receiver is down and then back, and
 * {@code sealdrop export} rejected by the queued policy's backlog limit.
 */
class AuditStatusCommandTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    TestEnvironment environment;
    LocalServices services;
    UUID documentId;
    Settings reachable;

    @BeforeEach
    void start() throws Exception {
        environment = TestEnvironment.start(temp);
        environment.shareCredentialsWithCommandLine();
        services = environment.services();
        documentId = services.documents().upload(Corpus.pdf("minimal-document.pdf"), null, TransferListener.NONE).id();
        assertTrue(services.flushAudit(WAIT));
        reachable = services.settings().orElseThrow();
    }

    @AfterEach
    void stop() {
        environment.close();
    }

    @Test
    void statusShowsPendingEventsAndLastError() throws Exception {
        services.reconfigure(AuditSettings.with(reachable, URI.create("http://127.0.0.1:" + closedPort()),
                null, null, null, null));
        services.documents().open(documentId, TransferListener.NONE).close();
        services.documents().open(documentId, TransferListener.NONE).close();
        awaitFailedDelivery();

        CliRun status = CliRun.inHome(environment.home(), "audit", "status");

        assertEquals(0, status.exitCode(), status.toString());
        assertTrue(status.out().contains("pending events: 2\n"), status.toString());
        assertTrue(Pattern.compile("oldest pending: \\S+Z \\(0 min ago\\)\n").matcher(status.out()).find(),
                status.toString());
        assertTrue(Pattern.compile("last delivery: \\S+Z\n").matcher(status.out()).find(), status.toString());
        assertTrue(status.out().contains("last error: ConnectException\n"), status.toString());
    }

    @Test
    void statusAfterDeliveryShowsNothingPending() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        services.documents().open(documentId, TransferListener.NONE).close();
        assertTrue(services.flushAudit(WAIT));

        CliRun status = CliRun.inHome(environment.home(), "audit", "status");

        assertEquals(0, status.exitCode(), status.toString());
        assertTrue(status.out().contains("pending events: 0\n"), status.toString());
        assertTrue(status.out().contains("oldest pending: none\n"), status.toString());
        assertTrue(status.out().contains("last error: none\n"), status.toString());
        String lastDelivery = status.out().lines().filter(line -> line.startsWith("last delivery: ")).findFirst()
                .orElseThrow().substring("last delivery: ".length());
        assertFalse(Instant.parse(lastDelivery).isBefore(before), lastDelivery);
    }

    @Test
    void statusOfHomeWithoutIndexIsUsageError() {
        CliRun status = CliRun.inHome(new HomeFolder(temp.resolve("empty-home")), "audit", "status");

        assertEquals(2, status.exitCode(), status.toString());
        assertTrue(status.err().contains("has no index yet"), status.toString());
        assertFalse(Files.exists(temp.resolve("empty-home")), "the status command created the home folder");
    }

    @Test
    void exportRejectedBeyondBacklog() throws Exception {
        services.reconfigure(AuditSettings.with(reachable, URI.create("http://127.0.0.1:" + closedPort()),
                Settings.AUDIT_POLICY_QUEUED, 1, null, null));
        services.documents().open(documentId, TransferListener.NONE).close();
        services.close();
        Path target = temp.resolve("copy.pdf");

        CliRun export = CliRun.inHome(environment.home(), "export", documentId.toString(), "--out", target.toString(),
                "--passphrase-file", environment.passphraseFile().toString());

        assertEquals(1, export.exitCode(), export.toString());
        assertTrue(export.err().contains("[SD-AUDIT-BACKLOG]"), export.toString());
        assertTrue(export.err().contains("unreachable"), export.toString());
        assertFalse(Files.exists(target));
    }

    private void awaitFailedDelivery() throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (services.auditTrail().lastDeliveryError().isEmpty()) {
            assertTrue(Instant.now().isBefore(deadline), "the sender never tried the closed port");
            Thread.sleep(100);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            return socket.getLocalPort();
        }
    }
}
