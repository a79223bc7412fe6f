package org.sealdrop.bench.viewer;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
import org.sealdrop.testsupport.TcpRelay;

/**
 * A TCP relay on 127.0.0.1 that counts HTTP requests by the blank line that ends each request's
 * headers. The count is exact only for requests without a body, such as the GET and HEAD requests of
 * an open. A request body that contains a blank line would be counted again.
 */
final class RequestCountingProxy extends TcpRelay {

    private final AtomicLong requests = new AtomicLong();

    private RequestCountingProxy(URI target) throws IOException {
        super(target, "request-counting-proxy");
    }

    /** Starts a relay to the loopback server at {@code target}. */
    static RequestCountingProxy inFrontOf(URI target) throws IOException {
        RequestCountingProxy proxy = new RequestCountingProxy(target);
        proxy.startAccepting();
        return proxy;
    }

    /** Returns the requests since the last {@link #reset()}. */
    long requests() {
        return requests.get();
    }

    void reset() {
        requests.set(0);
    }

    @Override
    protected void relay(Socket client, Socket target) {
        // The last four bytes seen on this connection, so "\r\n\r\n" split across two reads still counts.
        int[] window = {0};
        startThread(() -> copy(client, target, (buffer, length) -> {
            for (int i = 0; i < length; i++) {
                window[0] = (window[0] << 8) | (buffer[i] & 0xff);
                if (window[0] == 0x0d0a0d0a) {
                    requests.incrementAndGet();
                }
            }
        }), "requests");
        startThread(() -> copy(target, client, (buffer, length) -> { }), "responses");
    }
}
