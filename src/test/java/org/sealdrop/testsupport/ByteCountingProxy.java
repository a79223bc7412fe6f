package org.sealdrop.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on 127.0.0.1 in front of another local HTTP/1.1 server that counts every byte in each
 * direction, and separately the bytes of message bodies (see {@link HttpByteSplitter}). Point a
 * client at {@link #endpoint()} to measure what it sends and receives.
 */
public final class ByteCountingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong headerBytes = new AtomicLong();
    private final AtomicLong bodyBytes = new AtomicLong();
    private final List<Socket> sockets = new ArrayList<>();
    private final Thread acceptor;

    private ByteCountingProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "byte-counting-proxy");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /** Starts a relay to the loopback server at {@code endpoint}, such as S3Proxy's. */
    public static ByteCountingProxy inFrontOf(URI endpoint) throws IOException {
        if (!"127.0.0.1".equals(endpoint.getHost()) && !"localhost".equals(endpoint.getHost())) {
            throw new IllegalArgumentException("The proxy relays only to loopback servers, not to " + endpoint);
        }
        return new ByteCountingProxy(new InetSocketAddress(InetAddress.getLoopbackAddress(), endpoint.getPort()));
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
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

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                synchronized (sockets) {
                    sockets.add(client);
                    sockets.add(upstream);
                }
                Deque<String> methods = new ConcurrentLinkedDeque<>();
                pump(client, upstream, sent, new HttpByteSplitter(false, methods, headerBytes, bodyBytes));
                pump(upstream, client, received, new HttpByteSplitter(true, methods, headerBytes, bodyBytes));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to, AtomicLong counter, HttpByteSplitter splitter) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) != -1) {
                    counter.addAndGet(read);
                    splitter.accept(buffer, read);
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // One side closed the connection; the other pump ends on its own.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "byte-counting-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (sockets) {
            sockets.forEach(ByteCountingProxy::closeQuietly);
        }
    }
}
