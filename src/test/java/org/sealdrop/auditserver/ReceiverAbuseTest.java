package org.sealdrop.auditserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.testsupport.CliRun;

/**
 * Abuse of the receiver by clients without a valid token, with oversized, malformed or deeply nested
 * bodies, with replayed or unsigned events and with hundreds of idle connections. Each is refused or
 * limited, the events stored before stay intact ({@code sealdrop audit verify} exits 0), and a real
 * client is still served afterwards.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReceiverAbuseTest {

    private static final String TOKEN = "receiver-token-9c4e2b7d1a3f5e60";
    private static final Instant T0 = Instant.parse("2026-12-05T06:00:00.000Z");

    @TempDir
    Path folder;

    private AuditServer server;
    private HttpClient client;
    private EventChain chain;
    private List<String> stored;

    @BeforeEach
    void startWithStoredEvents() throws Exception {
        server = AuditServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                folder.resolve("audit.db"), Set.of(TOKEN));
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        chain = new EventChain("m.jones", "pc-1");
        stored = chain.next(5, T0);
        assertEquals(200, post(EventChain.batch(stored), TOKEN).statusCode());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void tokensOfEveryLengthAreRefused() throws Exception {
        String batch = EventChain.batch(new EventChain("intruder", "pc-9").next(1, T0));
        List<String> wrong = List.of("x", TOKEN.substring(0, 16), TOKEN + TOKEN, "a".repeat(8 * 1024),
                TOKEN.toUpperCase(java.util.Locale.ROOT), TOKEN + " " + TOKEN);

        for (String token : wrong) {
            assertEquals(401, post(batch, token).statusCode(), "token of " + token.length() + " characters");
        }
        assertEquals(401, post(batch, null).statusCode());
        assertEquals(401, send(request("/v1/events").header("Authorization", "Basic " + TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(batch)))
                .statusCode());

        assertStoredIntactAndServing();
    }

    @Test
    void oversizedBodiesAreRefused() throws Exception {
        String big = "{\"events\":[" + " ".repeat(HttpExchanges.MAX_BODY_BYTES) + "]}";

        assertEquals(413, post(big, TOKEN).statusCode(), "with Content-Length");
        HttpRequest chunked = request("/v1/events").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build();
        assertEquals(413, client.send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode(), "chunked");

        assertStoredIntactAndServing();
    }

    @Test
    void declaredTwoGiBBodyIsRefusedWithoutReadingIt() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.baseUrl().getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (2L << 30) + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] block = new byte[64 * 1024];
            long sent = 0;
            try {
                while (sent < 64L * 1024 * 1024) {
                    out.write(block);
                    sent += block.length;
                }
            } catch (IOException e) {
                // The receiver stopped reading after its discard budget and closed the connection.
            }
            assertTrue(sent <= 16L * 1024 * 1024, "the receiver read " + sent + " bytes of a declared 2 GiB body");
            String status = statusLine(socket.getInputStream());
            assertTrue(status.isEmpty() || status.contains(" 413 "), status);
        }

        assertStoredIntactAndServing();
    }

    @Test
    void malformedAndDeeplyNestedJsonAreRefused() throws Exception {
        List<String> bodies = List.of(
                "{\"events\":[{\"eventId\":",
                "{\"events\":[" + "[".repeat(100_000) + "]}",
                "{\"events\":[{\"eventId\":" + "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000) + "}]}",
                "{\"events\":[" + "{}," .repeat(100_000) + "{}]}",
                "\u0000\u0001garbage");

        for (String body : bodies) {
            HttpResponse<String> response = post(body, TOKEN);
            assertEquals(400, response.statusCode(), body.substring(0, Math.min(40, body.length())));
        }
        byte[] invalidUtf8 = {'{', '"', 'e', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
        assertEquals(400, send(request("/v1/events").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofByteArray(invalidUtf8)))
                .statusCode());

        assertStoredIntactAndServing();
    }

    @Test
    void replayedAndUnsignedEventsStoreNothingNew() throws Exception {
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> replay = post(EventChain.batch(stored), TOKEN);
            assertEquals(200, replay.statusCode());
            assertTrue(replay.body().contains("\"stored\":[]"), replay.body());
        }
        String unsigned = stored.get(0).replaceFirst(",\"signature\":\"[^\"]*\"", "")
                .replace(EventChain.eventId(stored.get(0)), "01939a4e-0000-7000-8000-000000000000");
        for (int i = 0; i < 50; i++) {
            assertEquals(400, post(EventChain.batch(List.of(unsigned)), TOKEN).statusCode());
        }

        assertEquals(stored, server.store().queryBodies(EventQuery.all()));
        assertStoredIntactAndServing();
    }

    /**
     * Connections that send nothing wait in the JDK server's selector and take no worker thread.
     * NOTE: connections that send part of a request head are a different matter. The JDK 17 server
     * reads the head on a worker thread, so 68 of them (4 workers and a queue of 64) hold every worker
     * until {@code sun.net.httpserver.maxReqTime} (30 s) closes them, and meanwhile new requests are
     * closed at once. Senders keep their events and retry, but delivery waits.
     */
    @Test
    void fiveHundredIdleConnectionsLeaveTheReceiverServing() throws Exception {
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 500; i++) {
                idle.add(new Socket(InetAddress.getLoopbackAddress(), server.baseUrl().getPort()));
            }

            assertEquals(200, send(request("/v1/status").header("Authorization", "Bearer " + TOKEN).GET()).statusCode());
            assertStoredIntactAndServing();
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
    }

    /** Checks the stored chain with the command line and sends a real batch that the receiver stores. */
    private void assertStoredIntactAndServing() throws Exception {
        assertTrue(server.store().verifyChain("pc-1").intact());
        List<String> next = chain.next(1, Instant.now());
        HttpResponse<String> response = post(EventChain.batch(next), TOKEN);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains(EventChain.eventId(next.get(0))), response.body());
        assertTrue(server.store().queryBodies(EventQuery.all()).containsAll(stored), "the first events are kept");

        CliRun verify = CliRun.of("audit", "verify", "--db", folder.resolve("audit.db").toString());
        assertEquals(0, verify.exitCode(), verify.toString());
    }

    private HttpResponse<String> post(String body, String token) throws Exception {
        HttpRequest.Builder request = request("/v1/events").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Reads the status line of a response, or returns empty when the connection was closed without one. */
    private static String statusLine(InputStream in) {
        StringBuilder line = new StringBuilder();
        try {
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                line.append((char) b);
            }
        } catch (IOException e) {
            return line.toString();
        }
        return line.toString();
    }
}
