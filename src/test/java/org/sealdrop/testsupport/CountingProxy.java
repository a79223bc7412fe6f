package org.sealdrop.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on 127.0.0.1 that forwards every connection to a target on 127.0.0.1 and counts the
 * bytes the target sends back. Pointing a client's S3 endpoint at it measures what the client
 * downloads on the wire, whatever the client code believes it read.
 */
public final class CountingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final AtomicLong downloaded = new AtomicLong();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private CountingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "counting-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a relay to {@code target}, which must be an http URI on a loopback address. */
    public static CountingProxy to(URI target) throws IOException {
        if (!InetAddress.getByName(target.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("The relay forwards only to loopback addresses, not " + target);
        }
        return new CountingProxy(target.getPort());
    }

    /** Returns the relay's own address as an http URI, for use as an S3 endpoint. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Returns the bytes the target sent to clients since the last {@link #reset()}. */
    public long downloadedBytes() {
        return downloaded.get();
    }

    public void reset() {
        downloaded.set(0);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(target);
                pump(client, target, null);
                pump(target, client, downloaded);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to, AtomicLong counter) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) != -1) {
                    if (counter != null) {
                        counter.addAndGet(read);
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // The other side closed the connection; closing both ends below ends the other pump too.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "counting-proxy-pump");
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
}
