package org.sealdrop.testsupport;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on 127.0.0.1 that forwards every connection to a target on 127.0.0.1 and counts the
 * bytes the target sends back. Pointing a client's S3 endpoint at it measures what the client
 * downloads on the wire, whatever the client code believes it read.
 */
public final class CountingProxy extends TcpRelay {

    private final AtomicLong downloaded = new AtomicLong();

    private CountingProxy(URI target) throws IOException {
        super(target, "counting-proxy");
    }

    /** Starts a relay to {@code target}, which must be an http URI on a loopback address. */
    public static CountingProxy to(URI target) throws IOException {
        CountingProxy proxy = new CountingProxy(target);
        proxy.startAccepting();
        return proxy;
    }

    /** Returns the bytes the target sent to clients since the last {@link #reset()}. */
    public long downloadedBytes() {
        return downloaded.get();
    }

    public void reset() {
        downloaded.set(0);
    }

    @Override
    protected void relay(Socket client, Socket target) {
        startThread(() -> copy(client, target, (buffer, length) -> { }), "requests");
        startThread(() -> copy(target, client, (buffer, length) -> downloaded.addAndGet(length)), "responses");
    }
}
