package org.sealdrop.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The shared part of the test proxies: a TCP relay on 127.0.0.1 that accepts clients, opens one
 * connection to a target on the loopback address per client, and closes every socket on
 * {@link #close()}. A subclass decides in {@link #relay} what travels over each pair of sockets.
 *
 * <p>A subclass constructor passes the target up and its factory calls {@link #startAccepting()}
 * once the subclass fields are set, so no connection is relayed by a half-built proxy.
 */
public abstract class TcpRelay implements AutoCloseable {

    private static final int BUFFER_BYTES = 16 * 1024;

    private final ServerSocket server;
    private final int targetPort;
    private final String name;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    /**
     * Opens the listening socket on 127.0.0.1 for a relay to {@code target}.
     *
     * @param name prefix of the relay's thread names
     * @throws IllegalArgumentException if {@code target} is not on a loopback address
     */
    protected TcpRelay(URI target, String name) throws IOException {
        if (!InetAddress.getByName(target.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("The relay forwards only to loopback addresses, not " + target);
        }
        this.targetPort = target.getPort();
        this.name = name;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    /** Returns the relay's own address as an http URI, for use as an S3 endpoint. */
    public final URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Stops accepting and closes every client and target socket, which ends the relay threads. */
    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(TcpRelay::closeQuietly);
    }

    /** Starts the accept loop on a daemon thread. The subclass factory calls it once. */
    protected final void startAccepting() {
        startThread(this::acceptLoop, name + "-accept");
    }

    /**
     * Starts relaying between a newly accepted {@code client} and its own connection to the target,
     * usually on two threads from {@link #startThread}. Both sockets close with the relay.
     */
    protected abstract void relay(Socket client, Socket target) throws IOException;

    /**
     * Copies bytes from {@code from} to {@code to} until either side closes, and shows every read to
     * {@code observer} before it is forwarded. Closes both sockets at the end, which also ends the
     * copy in the other direction.
     */
    protected final void copy(Socket from, Socket to, ReadObserver observer) {
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                observer.read(buffer, read);
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // One side closed the connection; closing both ends below ends the other direction too.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Starts {@code task} on a daemon thread named after the relay. */
    protected final void startThread(Runnable task, String suffix) {
        Thread thread = new Thread(task, name + "-" + suffix);
        thread.setDaemon(true);
        thread.start();
    }

    protected static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    /** Sleeps for {@code duration}. An interrupt ends the sleep early and stays set on the thread. */
    protected static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(target);
                relay(client, target);
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Sees each block of bytes that {@link #copy} reads, before it is forwarded. */
    @FunctionalInterface
    protected interface ReadObserver {

        /** Observes the first {@code length} bytes of {@code buffer}, which it must not change. */
        void read(byte[] buffer, int length);
    }
}
