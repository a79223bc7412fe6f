package org.sealdrop.testsupport;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A TCP relay on 127.0.0.1 in front of an S3 endpoint on 127.0.0.1 that injects network and server
 * faults into chosen requests.
 *
 * <p>Each connection's requests are parsed (head, then a body delimited by {@code Content-Length} or
 * chunked encoding) so that a rule can match a request by its first line, such as
 * {@code PUT /bucket/key?partNumber=2&uploadId=...}. A rule fires on the matching requests from the
 * {@code first}-th on, {@code times} times. Requests that no rule hits are forwarded unchanged.
 */
public final class FaultProxy extends TcpRelay {

    /** What the relay does to a request that a rule hits. */
    public enum Fault {
        /** Responds 500 InternalError without forwarding the request, then closes the connection. */
        INTERNAL_ERROR,
        /** Responds 503 with an S3 {@code SlowDown} error body without forwarding the request. */
        SLOW_DOWN,
        /**
         * Responds 403 {@code AccessDenied} without forwarding the request, as S3 does when the bucket
         * policy denies the action (such as {@code s3:DeleteObject}) to these credentials.
         */
        ACCESS_DENIED,
        /** Reads the request head, then resets the connection (SO_LINGER 0) without a response. */
        RESET,
        /** Reads the request head, then neither reads nor responds for the stall time, then closes. */
        STALL,
        /**
         * Forwards the request and the first {@value #STALLED_RESPONSE_BYTES} bytes of its response, then
         * forwards nothing more for the stall time, then closes.
         */
        STALL_RESPONSE,
        /**
         * Forwards the request, so the target acts on it, then delays the whole response by the stall
         * time: a server that is slow to respond, or one that times out after storing.
         */
        DELAY_RESPONSE,
        /**
         * Forwards the request head and the first {@value #STALLED_BODY_BYTES} bytes of its body, then
         * reads nothing more for the stall time, then closes: an endpoint that stops accepting an upload.
         */
        STALL_BODY
    }

    /** Request body bytes that {@link Fault#STALL_BODY} lets through. */
    public static final int STALLED_BODY_BYTES = 64 * 1024;

    /** Response bytes that {@link Fault#STALL_RESPONSE} lets through: the head and the start of the body. */
    public static final int STALLED_RESPONSE_BYTES = 64 * 1024;

    private static final String SLOW_DOWN_BODY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SlowDown</Code>"
            + "<Message>Please reduce your request rate.</Message><RequestId>fault-proxy</RequestId></Error>";
    private static final String INTERNAL_ERROR_BODY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>"
            + "<Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message>"
            + "<RequestId>fault-proxy</RequestId></Error>";

    private static final String ACCESS_DENIED_BODY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>"
            + "<Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>fault-proxy</RequestId></Error>";

    private final Duration stall;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final AtomicInteger faultsInjected = new AtomicInteger();
    private volatile int bodyBytesPerSecond;

    private FaultProxy(URI target, Duration stall) throws IOException {
        super(target, "fault-proxy");
        this.stall = stall;
    }

    /**
     * Starts a relay to {@code target}, which must be an http URI on a loopback address.
     *
     * @param stall how long {@link Fault#STALL} and {@link Fault#STALL_RESPONSE} hold a connection
     */
    public static FaultProxy inFrontOf(URI target, Duration stall) throws IOException {
        FaultProxy proxy = new FaultProxy(target, stall);
        proxy.startAccepting();
        return proxy;
    }

    /**
     * Injects {@code fault} into the {@code first}-th request whose first line matches
     * {@code requestLine} (a regular expression found anywhere in the line) and the next
     * {@code times - 1} matching requests.
     */
    public void inject(Fault fault, String requestLine, int first, int times) {
        rules.add(new Rule(fault, Pattern.compile(requestLine), first, times));
    }

    /** Injects {@code fault} into the first request whose first line matches {@code requestLine}. */
    public void injectOnce(Fault fault, String requestLine) {
        inject(fault, requestLine, 1, 1);
    }

    /**
     * Forwards request bodies at about {@code bytesPerSecond} from now on, or at full speed for 0, so
     * that a test can act while an upload is still running.
     */
    public void throttleRequestBodies(int bytesPerSecond) {
        this.bodyBytesPerSecond = bytesPerSecond;
    }

    /** Returns how many faults the relay injected so far. */
    public int faultsInjected() {
        return faultsInjected.get();
    }

    @Override
    protected void relay(Socket client, Socket target) {
        Connection connection = new Connection(client, target);
        startThread(connection::relayRequests, "requests");
        startThread(connection::relayResponses, "responses");
    }

    private Fault faultFor(String requestLine) {
        for (Rule rule : rules) {
            if (rule.hits(requestLine)) {
                faultsInjected.incrementAndGet();
                return rule.fault;
            }
        }
        return null;
    }

    /** One rule: counts the requests that match and fires on the chosen ones. */
    private static final class Rule {

        private final Fault fault;
        private final Pattern requestLine;
        private final int first;
        private final int times;
        private final AtomicInteger matches = new AtomicInteger();

        Rule(Fault fault, Pattern requestLine, int first, int times) {
            this.fault = fault;
            this.requestLine = requestLine;
            this.first = first;
            this.times = times;
        }

        boolean hits(String line) {
            if (!requestLine.matcher(line).find()) {
                return false;
            }
            int match = matches.incrementAndGet();
            return match >= first && (long) match < (long) first + times;
        }
    }

    /** One client connection and its connection to the target, relayed by two threads. */
    private final class Connection {

        private final Socket client;
        private final Socket target;
        // Set by the request thread before it forwards the request whose response is to stall.
        private volatile boolean stallNextResponse;
        // Set by the request thread before it forwards the request whose response is to be held.
        private volatile boolean delayNextResponse;

        Connection(Socket client, Socket target) {
            this.client = client;
            this.target = target;
        }

        void relayRequests() {
            try (InputStream in = new BufferedInputStream(client.getInputStream());
                    OutputStream out = new BufferedOutputStream(target.getOutputStream())) {
                while (true) {
                    byte[] head = readHead(in);
                    if (head == null) {
                        return;
                    }
                    String text = new String(head, StandardCharsets.ISO_8859_1);
                    String requestLine = text.substring(0, text.indexOf('\r'));
                    Fault fault = faultFor(requestLine);
                    if (fault != null && fault != Fault.STALL_RESPONSE && fault != Fault.DELAY_RESPONSE
                            && fault != Fault.STALL_BODY) {
                        inject(fault, requestLine);
                        return;
                    }
                    stallNextResponse = fault == Fault.STALL_RESPONSE;
                    delayNextResponse = fault == Fault.DELAY_RESPONSE;
                    // The head goes out at once, because a client that sent Expect: 100-continue waits
                    // for the target's interim response before it sends the body.
                    out.write(head);
                    out.flush();
                    if (fault == Fault.STALL_BODY) {
                        relayBodyStart(text, in, out);
                        sleep(stall);
                        return;
                    }
                    relayBody(text, in, out);
                    out.flush();
                }
            } catch (IOException e) {
                // One side closed the connection; closing both ends below ends the other thread too.
            } finally {
                closeQuietly(client);
                closeQuietly(target);
            }
        }

        void relayResponses() {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = target.getInputStream(); OutputStream out = client.getOutputStream()) {
                long sinceStall = -1;
                int read;
                while ((read = in.read(buffer)) != -1) {
                    if (delayNextResponse) {
                        delayNextResponse = false;
                        sleep(stall);
                    }
                    if (stallNextResponse && sinceStall < 0) {
                        sinceStall = 0;
                    }
                    if (sinceStall >= 0) {
                        int allowed = (int) Math.min(read, STALLED_RESPONSE_BYTES - sinceStall);
                        out.write(buffer, 0, allowed);
                        out.flush();
                        sinceStall += allowed;
                        if (sinceStall >= STALLED_RESPONSE_BYTES) {
                            sleep(stall);
                            return;
                        }
                        continue;
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // One side closed the connection.
            } finally {
                closeQuietly(client);
                closeQuietly(target);
            }
        }

        private void inject(Fault fault, String requestLine) throws IOException {
            switch (fault) {
                case INTERNAL_ERROR -> respond(500, "Internal Server Error", requestLine, INTERNAL_ERROR_BODY);
                case SLOW_DOWN -> respond(503, "Slow Down", requestLine, SLOW_DOWN_BODY);
                case ACCESS_DENIED -> respond(403, "Forbidden", requestLine, ACCESS_DENIED_BODY);
                case RESET -> client.setSoLinger(true, 0);
                case STALL -> sleep(stall);
                default -> throw new IllegalStateException("not a request fault: " + fault);
            }
        }

        /**
         * Sends an error response before the request body was read, as a server may when the client
         * waits for {@code 100 Continue}, and closes the connection so the unread body does no harm.
         */
        private void respond(int status, String reason, String requestLine, String body) throws IOException {
            boolean head = requestLine.startsWith("HEAD ");
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            String response = "HTTP/1.1 " + status + " " + reason + "\r\n"
                    + "Content-Type: application/xml\r\n"
                    + "Content-Length: " + content.length + "\r\n"
                    + "Connection: close\r\n\r\n";
            OutputStream out = client.getOutputStream();
            out.write(response.getBytes(StandardCharsets.ISO_8859_1));
            if (!head) {
                out.write(content);
            }
            out.flush();
            client.shutdownOutput();
        }
    }

    /** Reads one request head up to and including the empty line, or returns null at the end of the stream. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            boolean expected = (matched % 2 == 0) ? b == '\r' : b == '\n';
            matched = expected ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toByteArray();
    }

    /** Forwards the body that follows {@code head}, delimited by Content-Length or chunked encoding. */
    private void relayBody(String head, InputStream in, OutputStream out) throws IOException {
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.contains("\r\ntransfer-encoding: chunked")) {
            relayChunks(in, out);
            return;
        }
        relayBytes(in, out, contentLength(lower));
    }

    /** Forwards at most {@value #STALLED_BODY_BYTES} bytes of the body that follows {@code head}. */
    private void relayBodyStart(String head, InputStream in, OutputStream out) throws IOException {
        relayBytes(in, out, Math.min(STALLED_BODY_BYTES, contentLength(head.toLowerCase(Locale.ROOT))));
        out.flush();
    }

    private void relayBytes(InputStream in, OutputStream out, long count) throws IOException {
        long remaining = count;
        byte[] buffer = new byte[16 * 1024];
        while (remaining > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (read < 0) {
                throw new IOException("request body ended early");
            }
            out.write(buffer, 0, read);
            remaining -= read;
            int rate = bodyBytesPerSecond;
            if (rate > 0) {
                out.flush();
                sleep(Duration.ofMillis(1000L * read / rate));
            }
        }
    }

    private static long contentLength(String lowerCaseHead) {
        for (String line : lowerCaseHead.split("\r\n")) {
            if (line.startsWith("content-length:")) {
                return Long.parseLong(line.substring("content-length:".length()).strip());
            }
        }
        return 0;
    }

    private static void relayChunks(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String sizeLine = readLine(in, out);
            long size = Long.parseLong(sizeLine.split(";")[0].strip(), 16);
            if (size == 0) {
                // Trailer lines up to the empty line.
                while (!readLine(in, out).isEmpty()) {
                    // Forwarded by readLine.
                }
                return;
            }
            for (long i = 0; i < size; i++) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("chunk ended early");
                }
                out.write(b);
            }
            readLine(in, out);
        }
    }

    /** Reads and forwards one CRLF-terminated line, and returns it without the line end. */
    private static String readLine(InputStream in, OutputStream out) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("line ended early");
            }
            out.write(b);
            if (b != '\r') {
                line.append((char) b);
            }
        }
        out.write(b);
        return line.toString();
    }
}
