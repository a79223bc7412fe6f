package org.sealdrop.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sealdrop.testsupport.S3TestServer;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class ObjectStoreFailuresTest {

    @RegisterExtension
    static final S3TestServer S3 = new S3TestServer();

    private static final StaticCredentialsProvider WRONG_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("SDWRONGACCESSKEY0000", "wrong-secret-key"));

    /** Short timeouts and few attempts, so that failures show quickly. */
    private static ConnectionSettings impatient(int attempts) {
        return new ConnectionSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), attempts);
    }

    private static StorageSettings settingsFor(URI endpoint, String bucket) {
        return StorageSettings.defaults(endpoint, S3TestServer.REGION, bucket, "failures");
    }

    @Test
    void wrongCredentialsAreAccessDenied() {
        StorageSettings settings = S3.freshSettings();
        // Three attempts, because S3Proxy closes the connection after rejecting an upload, and the next
        // request may first try the closed connection.
        try (ObjectStore store = new ObjectStore(settings, WRONG_CREDENTIALS, impatient(3))) {
            String key = store.key("objects/x");

            StorageException put = assertThrows(StorageException.class,
                    () -> store.put(key, new ByteArrayInputStream(new byte[10]), 10, Map.of(), null));
            StorageException list = assertThrows(StorageException.class, () -> store.list(""));
            StorageException verify = assertThrows(StorageException.class, store::verifyBucket);

            assertEquals("SD-S3-ACCESS-DENIED", put.errorCode());
            assertTrue(put.getMessage().contains(S3TestServer.BUCKET), put.getMessage());
            assertTrue(put.getMessage().contains("access key"), put.getMessage());
            assertEquals("SD-S3-ACCESS-DENIED", list.errorCode());
            assertEquals("SD-S3-ACCESS-DENIED", verify.errorCode());
        }
    }

    @Test
    void missingBucketIsReported() {
        StorageSettings settings = settingsFor(S3.server().endpoint(), "no-such-bucket");
        try (ObjectStore store = new ObjectStore(settings, S3.server().credentials(), impatient(3))) {
            String key = store.key("objects/x");

            StorageException put = assertThrows(StorageException.class,
                    () -> store.put(key, new ByteArrayInputStream(new byte[10]), 10, Map.of(), null));
            StorageException list = assertThrows(StorageException.class, () -> store.list(""));
            StorageException verify = assertThrows(StorageException.class, store::verifyBucket);

            assertEquals("SD-S3-NO-BUCKET", put.errorCode());
            assertTrue(put.getMessage().contains("no-such-bucket"), put.getMessage());
            assertEquals("SD-S3-NO-BUCKET", list.errorCode());
            assertEquals("SD-S3-NO-BUCKET", verify.errorCode());
        }
    }

    @Test
    void existingBucketPassesVerification() {
        try (ObjectStore store = S3.newStore()) {
            store.verifyBucket();
        }
    }

    @Test
    void closedPortIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI endpoint = URI.create("http://127.0.0.1:" + closedPort);
        try (ObjectStore store = new ObjectStore(settingsFor(endpoint, "sealdrop-test"), S3.server().credentials(),
                impatient(2))) {

            StorageException failure = assertThrows(StorageException.class, () -> store.list(""));

            assertEquals("SD-S3-UNREACHABLE", failure.errorCode());
            assertTrue(failure.getMessage().contains(endpoint.toString()), failure.getMessage());
        }
    }

    @Test
    void serverErrorsAreRetriedThenReported() {
        Logger retryLogger = (Logger) LoggerFactory.getLogger(RetryLogging.class);
        ListAppender<ILoggingEvent> retryLog = new ListAppender<>();
        retryLog.start();
        retryLogger.addAppender(retryLog);
        try (FixedResponseServer server = FixedResponseServer.respondingWith(500, "InternalError");
                ObjectStore store = new ObjectStore(settingsFor(server.endpoint(), "sealdrop-test"),
                        S3.server().credentials(), impatient(3))) {

            StorageException failure = assertThrows(StorageException.class, () -> store.list("docs/"));

            assertEquals("SD-S3-FAILED", failure.errorCode());
            assertTrue(failure.getMessage().contains("status 500"), failure.getMessage());
            assertEquals(3, server.requestCount(), "one request and two retries");
            assertEquals(2, retryLog.list.size(), "each retry is logged");
            assertTrue(retryLog.list.get(0).getFormattedMessage().contains("ListObjectsV2"));
        } finally {
            retryLogger.detachAppender(retryLog);
        }
    }

    @Test
    void throttlingIsRetried() {
        try (FixedResponseServer server = FixedResponseServer.respondingWith(503, "SlowDown");
                ObjectStore store = new ObjectStore(settingsFor(server.endpoint(), "sealdrop-test"),
                        S3.server().credentials(), impatient(2))) {

            StorageException failure = assertThrows(StorageException.class, () -> store.list(""));

            assertEquals("SD-S3-FAILED", failure.errorCode());
            assertTrue(failure.getMessage().contains("status 503"), failure.getMessage());
            assertEquals(2, server.requestCount());
        }
    }

    @Test
    void clientErrorsAreNotRetried() {
        try (FixedResponseServer server = FixedResponseServer.respondingWith(400, "InvalidRequest");
                ObjectStore store = new ObjectStore(settingsFor(server.endpoint(), "sealdrop-test"),
                        S3.server().credentials(), impatient(3))) {

            StorageException failure = assertThrows(StorageException.class, () -> store.list(""));

            assertEquals("SD-S3-FAILED", failure.errorCode());
            assertEquals(1, server.requestCount());
        }
    }

    @Test
    void clockSkewIsReported() {
        try (FixedResponseServer server = FixedResponseServer.respondingWith(403, "RequestTimeTooSkewed");
                ObjectStore store = new ObjectStore(settingsFor(server.endpoint(), "sealdrop-test"),
                        S3.server().credentials(), impatient(2))) {

            StorageException failure = assertThrows(StorageException.class, () -> store.list(""));

            assertEquals("SD-S3-CLOCK-SKEW", failure.errorCode());
            assertTrue(failure.getMessage().contains("clock"), failure.getMessage());
        }
    }

    @Test
    void plainHttpServerFailsTls() throws Exception {
        try (ServerSocket plainServer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread responder = new Thread(() -> respondWithPlainHttp(plainServer), "plain-http-responder");
            responder.setDaemon(true);
            responder.start();
            URI endpoint = URI.create("https://127.0.0.1:" + plainServer.getLocalPort());
            try (ObjectStore store = new ObjectStore(settingsFor(endpoint, "sealdrop-test"), S3.server().credentials(),
                    impatient(1))) {

                StorageException failure = assertThrows(StorageException.class, () -> store.list(""));

                assertEquals("SD-S3-TLS", failure.errorCode());
                assertTrue(failure.getMessage().contains(endpoint.toString()), failure.getMessage());
            }
        }
    }

    /** Sends a plain HTTP response on each connection, as a server without TLS would. */
    private static void respondWithPlainHttp(ServerSocket server) {
        while (!server.isClosed()) {
            try (java.net.Socket socket = server.accept()) {
                socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            } catch (IOException e) {
                return;
            }
        }
    }

    @Test
    void messagesNeverContainContent() {
        byte[] content = "PATIENT-MARKER-0123456789".repeat(4).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (ObjectStore store = new ObjectStore(settingsFor(S3.server().endpoint(), "no-such-bucket"),
                S3.server().credentials(), impatient(3))) {

            StorageException failure = assertThrows(StorageException.class, () -> store.put(store.key("objects/y"),
                    new ByteArrayInputStream(content), content.length, Map.of(), null));

            assertFalse(failure.getMessage().contains("PATIENT-MARKER"), failure.getMessage());
        }
    }
}
