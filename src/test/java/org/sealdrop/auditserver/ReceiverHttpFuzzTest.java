package org.sealdrop.auditserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Sends fuzzed requests over real HTTP to a receiver on 127.0.0.1: fuzzed method, path, query,
 * {@code Authorization} and {@code Content-Type} headers and body, in well-formed HTTP/1.1 framing.
 * Every request must get a complete response with a status below 500, and the events stored before
 * fuzzing must still form an intact chain afterwards. The framing itself is the JDK server's and is
 * not fuzzed here.
 */
class ReceiverHttpFuzzTest {

    private static final String TOKEN = "receiver-token-2b7e151628aed2a6";
    private static final String LOOPBACK = "127.0.0.1";
    private static final Set<String> LOOPBACK_NAMES = Set.of(LOOPBACK, "localhost");
    private static final String DEVICE = "pc-fuzz";
    private static final int SOCKET_TIMEOUT_MILLIS = 30_000;
    private static final String[] METHODS = {"POST", "GET", "PUT", "DELETE", "OPTIONS", "PATCH"};
    private static final String[] PATHS = {EventsHandler.PATH, EventsHandler.STATUS_PATH, "/", "/v1/events/x"};

    private static Path folder;
    private static AuditServer server;

    @BeforeAll
    static void startReceiver() throws IOException {
        folder = Files.createTempDirectory("receiver-fuzz");
        server = AuditServer.start(new InetSocketAddress(InetAddress.getByName(LOOPBACK), 0),
                folder.resolve("audit.db"), Set.of(TOKEN));
        // Stored the way the handler stores a batch, but without HTTP: Jazzer's fuzzing mode cannot allow
        // a network connection yet while @BeforeAll runs.
        List<String> bodies = new EventChain("m.jones", DEVICE).next(3, Instant.parse("2026-03-14T09:00:00.000Z"));
        byte[] batch = EventChain.batch(bodies).getBytes(StandardCharsets.UTF_8);
        try {
            AppendResult result = server.store().append(EventBatchParser.parse(batch));
            assertEquals(3, result.stored().size(), "the receiver stores the events made before fuzzing");
        } catch (BadRequestException e) {
            throw new IllegalStateException("The events made before fuzzing are invalid.", e);
        }
    }

    @AfterAll
    static void stopReceiver() throws IOException {
        server.close();
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @FuzzTest
    void httpRequest(FuzzedDataProvider data) throws IOException {
        String method = data.pickValue(METHODS);
        String path = data.pickValue(PATHS);
        String query = percentEncoded(data.consumeString(200));
        String authorization = switch (data.consumeInt(0, 3)) {
            case 0 -> null;
            case 1 -> headerValue(data.consumeString(100));
            default -> "Bearer " + TOKEN;
        };
        String contentType = data.consumeBoolean() ? "application/json" : headerValue(data.consumeString(60));
        byte[] body = data.consumeRemainingAsBytes();

        int status = send(method, query.isEmpty() ? path : path + "?" + query, authorization, contentType, body);

        assertTrue(status >= 200, "the receiver answers with a final status, not " + status);
        assertTrue(status < 500, "the receiver answers " + status + ", not a server error");
        ChainReport report = server.store().verifyChain(DEVICE);
        assertTrue(report.intact(), "the stored chain stays intact");
        assertTrue(report.eventCount() >= 3, "no stored event is lost");
    }

    /**
     * Sends one request on its own connection and returns the response status. A connection closed
     * without a status line or a response that does not arrive within the timeout raises
     * {@link IOException}, which fails the fuzz test.
     */
    private static int send(String method, String target, String authorization, String contentType, byte[] body)
            throws IOException {
        int port = server.baseUrl().getPort();
        // Jazzer's SSRF detector reports every connection that is not allowed here, so a connection to
        // anything but this receiver fails the fuzz test. The detector names 127.0.0.1 by its host name.
        try (SilentCloseable loopbackOnly = BugDetectors.allowNetworkConnections(
                        (host, allowedPort) -> LOOPBACK_NAMES.contains(host) && allowedPort == port);
                Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), SOCKET_TIMEOUT_MILLIS);
            socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            StringBuilder head = new StringBuilder()
                    .append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(LOOPBACK).append("\r\n")
                    .append("Connection: close\r\n")
                    .append("Content-Length: ").append(body.length).append("\r\n");
            if (authorization != null) {
                head.append("Authorization: ").append(authorization).append("\r\n");
            }
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            head.append("\r\n");

            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return readStatus(socket.getInputStream());
        }
    }

    private static int readStatus(InputStream in) throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        in.transferTo(response);
        String text = response.toString(StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/1.1 ") || text.length() < 12) {
            throw new IOException("The receiver closed the connection without a status line.");
        }
        return Integer.parseInt(text.substring(9, 12));
    }

    /** Keeps URL-safe characters and percent-encodes the UTF-8 bytes of every other one. */
    private static String percentEncoded(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~=&%:+".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }

    /** Removes line breaks and other control characters, which would change the framing, from a header value. */
    private static String headerValue(String text) {
        StringBuilder value = new StringBuilder();
        text.chars().filter(c -> c >= 0x20 && c < 0x7f).forEach(c -> value.append((char) c));
        return value.toString().trim();
    }
}
