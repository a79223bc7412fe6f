package org.sealdrop.testsupport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hostile audit receiver on 127.0.0.1 for tests: reads each request (head and a body of up to
 * 1 MiB) and responds with the current {@link HostileResponse}, such as a garbage body with 200, an
 * endless body, a stall, a redirect or a 401. It never stores anything, so no response is a real
 * acknowledgement unless the test builds one.
 */
public final class HostileAuditReceiver implements AutoCloseable {

    private static final int MAX_READ_BODY = 1024 * 1024;

    private final ServerSocket server;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile HostileResponse response;

    private HostileAuditReceiver(HostileResponse response) throws IOException {
        this.response = response;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "hostile-receiver-accept");
        accept.setDaemon(true);
        accept.start();
    }

    /** Starts a receiver that responds to every request with {@code response}. */
    public static HostileAuditReceiver answering(HostileResponse response) throws IOException {
        return new HostileAuditReceiver(response);
    }

    /** Responds to the following requests with {@code newResponse}. */
    public void respondWith(HostileResponse newResponse) {
        this.response = newResponse;
    }

    /** Returns the receiver's base URL, such as {@code http://127.0.0.1:40123}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Returns how many requests arrived so far. */
    public int requestCount() {
        return requests.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket client : clients) {
            client.close();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                clients.add(client);
                Thread thread = new Thread(() -> serve(client), "hostile-receiver-request");
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            String head = readHead(in);
            if (head == null) {
                return;
            }
            requests.incrementAndGet();
            in.readNBytes((int) Math.min(MAX_READ_BODY, contentLength(head)));
            response.send(head.substring(0, head.indexOf('\r')), client.getOutputStream());
        } catch (IOException e) {
            // The client gave up or the receiver closed.
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private static long contentLength(String head) {
        for (String line : head.toLowerCase(Locale.ROOT).split("\r\n")) {
            if (line.startsWith("content-length:")) {
                return Long.parseLong(line.substring("content-length:".length()).strip());
            }
        }
        return 0;
    }

    /** Returns a JSON response with {@code status} and {@code json}, such as an acknowledgement that leaves events out. */
    public static HostileResponse json(int status, String json) {
        return HostileResponse.of(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }
}
