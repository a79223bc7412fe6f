package org.sealdrop.auditserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
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

/**
 * Run by {@link SlowClientsTest} in its own JVM, started with a short
 * {@code sun.net.httpserver.maxReqTime}, because the JDK reads that property once per JVM. Starts a
 * receiver, then trickles a request head and a request body one byte at a time, and occupies every
 * worker with 80 unfinished heads. Prints {@code closed head}, {@code closed body} and
 * {@code served after slowloris} when the receiver closed the slow connections and served a real
 * client again, and exits with 0 only when all three happened within 30 s each.
 *
 * <p>Argument: work folder.
 */
public final class SlowClients {

    static final String TOKEN = "receiver-token-5d1c7a9e3b2f4860";
    private static final Duration BOUND = Duration.ofSeconds(30);

    private SlowClients() {
    }

    public static void main(String[] args) throws Exception {
        try (AuditServer server = AuditServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                Path.of(args[0]).resolve("audit.db"), Set.of(TOKEN))) {
            int port = server.baseUrl().getPort();
            int failures = 0;
            failures += report("closed head", trickleUntilClosed(port, "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "X-Padding: " + "a".repeat(10_000)));
            String head = "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n";
            failures += report("closed body", trickleUntilClosed(port, head + "{\"events\":[" + " ".repeat(99_000)));
            failures += report("served after slowloris", servedAfterSlowloris(server.baseUrl()));
            System.exit(failures == 0 ? 0 : 1);
        }
    }

    private static int report(String name, boolean passed) {
        System.out.println((passed ? "" : "not ") + name);
        return passed ? 0 : 1;
    }

    /** Sends {@code request} one byte every 100 ms and returns whether the receiver closed the connection in time. */
    private static boolean trickleUntilClosed(int port, String request) throws IOException {
        Instant deadline = Instant.now().plus(BOUND);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(100);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 0; Instant.now().isBefore(deadline); i = (i + 1) % bytes.length) {
                out.write(bytes[i]);
                out.flush();
                try {
                    // A response (such as 413 or 400) or the end of the stream both end the slow request.
                    if (in.read() != -2) {
                        return true;
                    }
                } catch (SocketTimeoutException e) {
                    // Nothing yet: keep trickling.
                }
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Occupies every worker and the queue with unfinished heads, then waits until a real client is served. */
    private static boolean servedAfterSlowloris(URI baseUrl) throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 80; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), baseUrl.getPort());
                socket.getOutputStream().write("GET /v1/status HTTP/1.1\r\nHost: 127".getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            Instant deadline = Instant.now().plus(BOUND);
            while (Instant.now().isBefore(deadline)) {
                try {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(baseUrl.resolve("/v1/status"))
                            .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        return true;
                    }
                } catch (IOException e) {
                    // Closed at once while the workers are busy: try again shortly.
                }
                Thread.sleep(200);
            }
            return false;
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }
}
