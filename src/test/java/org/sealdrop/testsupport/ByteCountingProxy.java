package org.sealdrop.testsupport;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on 127.0.0.1 in front of another local HTTP/1.1 server that counts every byte in each
 * direction, and separately the bytes of message bodies (see {@link HttpByteSplitter}). Point a
 * client at {@link #endpoint()} to measure what it sends and receives.
 */
public final class ByteCountingProxy extends TcpRelay {

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong headerBytes = new AtomicLong();
    private final AtomicLong bodyBytes = new AtomicLong();

    private ByteCountingProxy(URI endpoint) throws IOException {
        super(endpoint, "byte-counting-proxy");
    }

    /** Starts a relay to the loopback server at {@code endpoint}, such as S3Proxy's. */
    public static ByteCountingProxy inFrontOf(URI endpoint) throws IOException {
        ByteCountingProxy proxy = new ByteCountingProxy(endpoint);
        proxy.startAccepting();
        return proxy;
    }

    /** Returns the bytes from clients to the server since the last {@link #reset()}. */
    public long bytesSent() {
        return sent.get();
    }

    /** Returns the bytes from the server to clients since the last {@link #reset()}. */
    public long bytesReceived() {
        return received.get();
    }

    /** Returns the bytes of request and response bodies in both directions since the last {@link #reset()}. */
    public long bodyBytes() {
        return bodyBytes.get();
    }

    /** Returns the bytes of start lines and headers in both directions since the last {@link #reset()}. */
    public long headerBytes() {
        return headerBytes.get();
    }

    public void reset() {
        sent.set(0);
        received.set(0);
        headerBytes.set(0);
        bodyBytes.set(0);
    }

    @Override
    protected void relay(Socket client, Socket target) {
        Deque<String> methods = new ConcurrentLinkedDeque<>();
        HttpByteSplitter requests = new HttpByteSplitter(false, methods, headerBytes, bodyBytes);
        HttpByteSplitter responses = new HttpByteSplitter(true, methods, headerBytes, bodyBytes);
        startThread(() -> copy(client, target, (buffer, length) -> {
            sent.addAndGet(length);
            requests.accept(buffer, length);
        }), "requests");
        startThread(() -> copy(target, client, (buffer, length) -> {
            received.addAndGet(length);
            responses.accept(buffer, length);
        }), "responses");
    }
}
