package org.sealdrop.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A misbehaving response of {@link HostileS3Server} or {@link HostileAuditReceiver} to one request, written
 * straight to the client's socket so that it can lie about lengths, stop early or never end. The
 * server closes the connection after {@link #send} returns.
 */
@FunctionalInterface
public interface HostileResponse {

    /** How long {@link #stallAfter} keeps a connection open, much longer than any test timeout. */
    Duration STALL = Duration.ofMinutes(10);

    /** Writes the response to {@code requestLine} to {@code client}. */
    void send(String requestLine, OutputStream client) throws IOException;

    /** Returns a complete response with {@code status}, a correct Content-Length and {@code body}. */
    static HostileResponse of(int status, String contentType, byte[] body) {
        return withLength(status, contentType, body, body.length);
    }

    /** Returns a complete XML response, as S3 sends for listings and errors. */
    static HostileResponse xml(int status, String xml) {
        return of(status, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns a response that declares {@code declaredLength} bytes but sends {@code body}: fewer bytes are a
     * truncated body (the connection closes early), more bytes are a body longer than declared.
     */
    static HostileResponse withLength(int status, String contentType, byte[] body, long declaredLength) {
        return (requestLine, client) -> {
            client.write(head(status, contentType, "Content-Length: " + declaredLength + "\r\n"));
            if (!requestLine.startsWith("HEAD ")) {
                client.write(body);
            }
            client.flush();
        };
    }

    /**
     * Returns a 200 that declares {@code declaredLength} bytes and sends pseudo-random bytes until the client
     * stops reading, adding each byte sent to {@code sent}.
     */
    static HostileResponse endless(long declaredLength, AtomicLong sent) {
        return (requestLine, client) -> {
            client.write(head(200, "application/octet-stream", "Content-Length: " + declaredLength + "\r\n"));
            byte[] block = new byte[64 * 1024];
            Random random = new Random(declaredLength);
            while (true) {
                random.nextBytes(block);
                client.write(block);
                sent.addAndGet(block.length);
            }
        };
    }

    /**
     * Returns an XML response with {@code status} that declares 10 GiB, sends {@code start} and then
     * {@code repeated} until the client stops reading, adding each byte sent to {@code sent}.
     */
    static HostileResponse endlessXml(int status, String start, String repeated, AtomicLong sent) {
        byte[] block = repeated.repeat(Math.max(1, 64 * 1024 / repeated.length())).getBytes(StandardCharsets.UTF_8);
        return (requestLine, client) -> {
            client.write(head(status, "application/xml", "Content-Length: " + (10L << 30) + "\r\n"));
            client.write(start.getBytes(StandardCharsets.UTF_8));
            while (true) {
                client.write(block);
                sent.addAndGet(block.length);
            }
        };
    }

    /**
     * Returns a 200 without a Content-Length that sends pseudo-random 64 KiB chunks (chunked transfer coding)
     * until the client stops reading, adding each byte sent to {@code sent}.
     */
    static HostileResponse endlessChunked(AtomicLong sent) {
        return (requestLine, client) -> {
            client.write(head(200, "application/octet-stream", "Transfer-Encoding: chunked\r\n"));
            byte[] block = new byte[64 * 1024];
            byte[] size = (Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] end = "\r\n".getBytes(StandardCharsets.US_ASCII);
            Random random = new Random(block.length);
            while (true) {
                random.nextBytes(block);
                client.write(size);
                client.write(block);
                client.write(end);
                sent.addAndGet(block.length);
            }
        };
    }

    /** Returns a 200 that declares the whole {@code body}, sends its first {@code bytes} bytes, then stalls. */
    static HostileResponse stallAfter(byte[] body, int bytes) {
        return (requestLine, client) -> {
            client.write(head(200, "application/octet-stream", "Content-Length: " + body.length + "\r\n"));
            client.write(Arrays.copyOf(body, bytes));
            client.flush();
            try {
                Thread.sleep(STALL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** Returns a redirect with {@code status} (such as 301 or 307) to {@code location}. */
    static HostileResponse redirect(int status, URI location) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>PermanentRedirect</Code>"
                + "<Message>Use the other endpoint.</Message><Endpoint>" + location.getHost() + "</Endpoint></Error>";
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        return (requestLine, client) -> {
            client.write(head(status, "application/xml", "Location: " + location + "\r\nContent-Length: "
                    + body.length + "\r\n"));
            if (!requestLine.startsWith("HEAD ")) {
                client.write(body);
            }
            client.flush();
        };
    }

    /** Returns a 503 with S3's {@code SlowDown} error, as S3 sends when it throttles. */
    static HostileResponse slowDown() {
        return xml(503, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SlowDown</Code>"
                + "<Message>Please reduce your request rate.</Message><RequestId>hostile</RequestId></Error>");
    }

    private static byte[] head(int status, String contentType, String headers) {
        return ("HTTP/1.1 " + status + " Hostile\r\nContent-Type: " + contentType + "\r\n" + headers
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
