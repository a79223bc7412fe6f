package org.sealdrop.storage;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server on 127.0.0.1 that responds to every request with one fixed S3 error, for faults that
 * S3Proxy cannot produce (5xx, throttling, clock skew). It counts requests, so a test can see retries.
 */
final class FixedResponseServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private FixedResponseServer(int status, String errorCode) throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + errorCode
                + "</Code><Message>simulated " + errorCode + "</Message><RequestId>TEST</RequestId></Error>")
                .getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            try (InputStream request = exchange.getRequestBody()) {
                request.readAllBytes();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream response = exchange.getResponseBody()) {
                response.write(body);
            }
        });
        server.start();
    }

    /** Starts a server that responds with {@code status} and S3 error code {@code errorCode}. */
    static FixedResponseServer respondingWith(int status, String errorCode) {
        try {
            return new FixedResponseServer(status, errorCode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int port() {
        return server.getAddress().getPort();
    }

    int requestCount() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
