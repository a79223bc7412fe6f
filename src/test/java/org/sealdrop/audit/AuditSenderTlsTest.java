package org.sealdrop.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sealdrop.SealDropException;
import org.sealdrop.audit.ReceiverFixture.OutboxState;
import org.sealdrop.auditserver.AuditServer;
import org.sealdrop.auditserver.EventQuery;
import org.sealdrop.auditserver.ServerTls;
import org.sealdrop.testsupport.TestCertificates;

/**
 * The sender against a real HTTPS receiver on 127.0.0.1 whose self-signed certificate is made in the
 * test: it delivers only when a trust store names that certificate and the URL's host matches it.
 */
class AuditSenderTlsTest extends OutboxSetUp {

    static final char[] KEY_STORE_PASSWORD = "key-store-password".toCharArray();

    @Test
    void trustStoreLetsEventsThrough() throws Exception {
        TestCertificates certificate = TestCertificates.selfSigned("127.0.0.1", "localhost");
        AuditServer server = httpsReceiver(certificate);
        recordEvents(3);

        AuditSender sender = sender(server.baseUrl(), certificate.writeTrustStore(folder.resolve("trust.p12")));

        assertEquals("https", server.baseUrl().getScheme());
        assertTrue(sender.flush(FLUSH_TIMEOUT));
        assertEquals(0, trail.pendingCount());
        assertEquals(3, server.store().query(EventQuery.all()).size());
    }

    @Test
    void localhostNameMatchesCertificate() throws Exception {
        TestCertificates certificate = TestCertificates.selfSigned("127.0.0.1", "localhost");
        AuditServer server = httpsReceiver(certificate);
        recordEvents(1);
        URI byName = URI.create("https://localhost:" + server.baseUrl().getPort());

        AuditSender sender = sender(byName, certificate.writeTrustStore(folder.resolve("trust.p12")));

        assertTrue(sender.flush(FLUSH_TIMEOUT));
        assertEquals(1, server.store().query(EventQuery.all()).size());
    }

    @Test
    void untrustedCertificateKeepsEvents() throws Exception {
        TestCertificates certificate = TestCertificates.selfSigned("127.0.0.1", "localhost");
        AuditServer server = httpsReceiver(certificate);
        recordEvents(2);
        ListAppender<ILoggingEvent> logs = captureLogs();

        AuditSender sender = sender(server.baseUrl(), null);

        assertFalse(sender.flush(FLUSH_TIMEOUT));
        List<OutboxState> rows = ReceiverFixture.outbox(database);
        assertEquals(2, rows.size());
        assertEquals("SSLHandshakeException", rows.get(0).lastError());
        assertEquals(0, server.store().query(EventQuery.all()).size());
        String message = errorMessages(logs);
        assertTrue(message.contains(server.baseUrl() + "/v1/events"), message);
        assertTrue(message.contains("auditTrustStore"), message);
        assertTrue(message.contains("2 events stay in the outbox"), message);
    }

    @Test
    void otherHostNameIsRejected() throws Exception {
        // The certificate is trusted but names another host, so host name verification must fail.
        TestCertificates certificate = TestCertificates.selfSigned("audit.clinic.test");
        AuditServer server = httpsReceiver(certificate);
        recordEvents(1);

        AuditSender sender = sender(server.baseUrl(), certificate.writeTrustStore(folder.resolve("trust.p12")));

        assertFalse(sender.flush(FLUSH_TIMEOUT));
        assertEquals("SSLHandshakeException", ReceiverFixture.outbox(database).get(0).lastError());
        assertEquals(0, server.store().query(EventQuery.all()).size());
    }

    @Test
    void passwordProtectedTrustStoreRejected() throws Exception {
        Path trustStore = folder.resolve("protected.p12");
        TestCertificates.selfSigned("127.0.0.1").writeKeyStore(trustStore, KEY_STORE_PASSWORD);

        SealDropException e = assertThrows(SealDropException.class,
                () -> new AuditSender(database, URI.create("https://127.0.0.1:9"), "token-0123456789abcdef".toCharArray(),
                        Duration.ofMinutes(1), trustStore));

        assertEquals("SD-AUDIT-TRUST", e.errorCode());
        assertTrue(e.getMessage().contains("keytool"), e.getMessage());
    }

    @Test
    void missingTrustStoreRejected() {
        Path missing = folder.resolve("missing.p12");

        SealDropException e = assertThrows(SealDropException.class,
                () -> new AuditSender(database, URI.create("https://127.0.0.1:9"), "token-0123456789abcdef".toCharArray(),
                        Duration.ofMinutes(1), missing));

        assertEquals("SD-AUDIT-TRUST", e.errorCode());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void wrongKeyStorePasswordRejected() throws Exception {
        Path keyStore = TestCertificates.selfSigned("127.0.0.1")
                .writeKeyStore(folder.resolve("receiver.p12"), KEY_STORE_PASSWORD);

        SealDropException e = assertThrows(SealDropException.class,
                () -> ServerTls.fromPkcs12(keyStore, "wrong-password".toCharArray()));

        assertEquals("SD-AUDIT-TLS", e.errorCode());
        assertTrue(e.getMessage().contains("password"), e.getMessage());
    }

    private AuditServer httpsReceiver(TestCertificates certificate) throws Exception {
        Path keyStore = certificate.writeKeyStore(folder.resolve("receiver-" + UUID.randomUUID() + ".p12"),
                KEY_STORE_PASSWORD);
        AuditServer server = AuditServer.start(new InetSocketAddress(TestCertificates.loopback(), 0),
                Files.createTempFile(folder, "receiver", ".db"), Set.of(ReceiverFixture.TOKEN),
                ServerTls.fromPkcs12(keyStore, KEY_STORE_PASSWORD));
        toClose.add(server);
        return server;
    }

    private AuditSender sender(URI url, Path trustStore) {
        AuditSender sender = new AuditSender(database, url, ReceiverFixture.TOKEN.toCharArray(), Duration.ofMinutes(5),
                trustStore);
        toClose.add(sender);
        return sender;
    }

    private void recordEvents(int count) {
        for (int i = 0; i < count; i++) {
            trail.record(AuditAction.OPEN, UUID.randomUUID(), Outcome.SUCCESS, null);
        }
    }

    private static String errorMessages(ListAppender<ILoggingEvent> logs) {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent line : logs.list) {
            if (line.getLevel() == ch.qos.logback.classic.Level.ERROR) {
                text.append(line.getFormattedMessage()).append('\n');
            }
        }
        return text.toString();
    }
}
