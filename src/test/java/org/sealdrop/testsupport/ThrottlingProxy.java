package org.sealdrop.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP relay on 127.0.0.1 in front of a local S3 server that limits the bytes clients send per second,
 * like a slow uplink, and records the part number of every UploadPart request it forwards (from the
 * {@code partNumber=} of the request line). A second limit applies to the bytes clients receive, like a
 * slow downlink. Both limits are per connection and can change while clients are connected.
 */
public final class ThrottlingProxy implements AutoCloseable {

    private static final Pattern PART_NUMBER = Pattern.compile("[?&]partNumber=(\\d+)&");
    /** Longer than any {@code ?partNumber=N&} text, so a match split across two reads is still found. */
    private static final int CARRIED_CHARACTERS = 40;

    private final ServerSocket server;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Integer> partNumbers = new CopyOnWriteArrayList<>();
    private final AtomicLong bytesSent = new AtomicLong();
    private volatile long bytesPerSecond;
    private volatile long downloadBytesPerSecond;

    private ThrottlingProxy(int targetPort, long bytesPerSecond) throws IOException {
        this.targetPort = targetPort;
        this.bytesPerSecond = bytesPerSecond;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "throttling-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a relay to the loopback server at {@code target}, sending at most {@code bytesPerSecond} upstream. */
    public static ThrottlingProxy inFrontOf(URI target, long bytesPerSecond) throws IOException {
        if (!InetAddress.getByName(target.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("The relay forwards only to loopback addresses, not " + target);
        }
        return new ThrottlingProxy(target.getPort(), bytesPerSecond);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Changes the limit; 0 removes it. */
    public void limit(long newBytesPerSecond) {
        this.bytesPerSecond = newBytesPerSecond;
    }

    /** Limits the bytes clients receive per second on each connection; 0 removes the limit. */
    public void limitDownloads(long newBytesPerSecond) {
        this.downloadBytesPerSecond = newBytesPerSecond;
    }

    /** Returns the part numbers of the UploadPart requests forwarded since the last {@link #reset()}, in order. */
    public List<Integer> uploadedPartNumbers() {
        return new ArrayList<>(partNumbers);
    }

    /** Returns the bytes clients sent since the last {@link #reset()}. */
    public long bytesSent() {
        return bytesSent.get();
    }

    public void reset() {
        partNumbers.clear();
        bytesSent.set(0);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(upstream);
                start(() -> pump(client, upstream, true));
                start(() -> pump(upstream, client, false));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean towardsServer) {
        byte[] buffer = new byte[16 * 1024];
        String carried = "";
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (towardsServer) {
                    carried = recordPartNumbers(carried + new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
                    bytesSent.addAndGet(read);
                    throttle(read, bytesPerSecond);
                } else {
                    throttle(read, downloadBytesPerSecond);
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // One side closed the connection; the other pump ends on its own.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Records the part numbers found in {@code text} and returns the text to carry into the next read. */
    private String recordPartNumbers(String text) {
        Matcher matcher = PART_NUMBER.matcher(text);
        int end = 0;
        while (matcher.find()) {
            partNumbers.add(Integer.parseInt(matcher.group(1)));
            end = matcher.end();
        }
        return text.substring(Math.max(end, text.length() - CARRIED_CHARACTERS));
    }

    private static void throttle(int bytes, long limit) {
        if (limit > 0) {
            LockSupport.parkNanos(bytes * 1_000_000_000L / limit);
        }
    }

    private static void start(Runnable pump) {
        Thread thread = new Thread(pump, "throttling-proxy-pump");
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
        sockets.forEach(ThrottlingProxy::closeQuietly);
    }
}
