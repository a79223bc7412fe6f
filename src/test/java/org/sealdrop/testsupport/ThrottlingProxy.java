package org.sealdrop.testsupport;

import java.io.IOException;
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
public final class ThrottlingProxy extends TcpRelay {

    private static final Pattern PART_NUMBER = Pattern.compile("[?&]partNumber=(\\d+)&");
    /** Longer than any {@code ?partNumber=N&} text, so a match split across two reads is still found. */
    private static final int CARRIED_CHARACTERS = 40;

    private final List<Integer> partNumbers = new CopyOnWriteArrayList<>();
    private final AtomicLong bytesSent = new AtomicLong();
    private volatile long bytesPerSecond;
    private volatile long downloadBytesPerSecond;

    private ThrottlingProxy(URI target, long bytesPerSecond) throws IOException {
        super(target, "throttling-proxy");
        this.bytesPerSecond = bytesPerSecond;
    }

    /** Starts a relay to the loopback server at {@code target}, sending at most {@code bytesPerSecond} upstream. */
    public static ThrottlingProxy inFrontOf(URI target, long bytesPerSecond) throws IOException {
        ThrottlingProxy proxy = new ThrottlingProxy(target, bytesPerSecond);
        proxy.startAccepting();
        return proxy;
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

    @Override
    protected void relay(Socket client, Socket target) {
        // Text carried from one read of this connection's requests into the next.
        String[] carried = {""};
        startThread(() -> copy(client, target, (buffer, length) -> {
            carried[0] = recordPartNumbers(carried[0] + new String(buffer, 0, length, StandardCharsets.ISO_8859_1));
            bytesSent.addAndGet(length);
            throttle(length, bytesPerSecond);
        }), "requests");
        startThread(() -> copy(target, client, (buffer, length) -> throttle(length, downloadBytesPerSecond)), "responses");
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
}
