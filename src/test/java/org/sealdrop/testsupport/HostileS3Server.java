package org.sealdrop.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A hostile S3 endpoint on 127.0.0.1 for tests: a relay in front of a real S3 server on 127.0.0.1 that
 * responds to chosen requests itself with a {@link HostileResponse} (an endless or truncated body, a stall,
 * another object, malformed XML, a redirect) and forwards every other request unchanged.
 *
 * <p>Each client connection carries one request: the relay adds {@code Connection: close} to the
 * request head before forwarding it, so after the head it only copies bytes until either side
 * closes. {@code Connection} is not a signed header, so the request's signature stays valid.
 */
public final class HostileS3Server extends TcpRelay {

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();

    private HostileS3Server(URI target) throws IOException {
        super(target, "hostile-s3");
    }

    /** Starts a hostile endpoint that forwards untouched requests to {@code target}, an http URI on 127.0.0.1. */
    public static HostileS3Server inFrontOf(URI target) throws IOException {
        HostileS3Server server = new HostileS3Server(target);
        server.startAccepting();
        return server;
    }

    /**
     * Responds to every request whose first line matches {@code requestLine} (a regular expression found
     * anywhere in the line, such as {@code "GET /bucket/.*objects/"}) with {@code response}.
     */
    public void respondTo(String requestLine, HostileResponse response) {
        rules.add(new Rule(Pattern.compile(requestLine), response));
    }

    /** Forwards every request again from now on. */
    public void forwardAll() {
        rules.clear();
    }

    /** Returns the first lines of the requests received so far, such as {@code GET /bucket/key HTTP/1.1}. */
    public List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    /** Returns how many requests a rule responded to so far. */
    public int respondedCount() {
        return rules.stream().mapToInt(rule -> rule.hits.get()).sum();
    }

    @Override
    protected void relay(Socket client, Socket target) {
        startThread(() -> serve(client, target), "request");
    }

    private void serve(Socket client, Socket target) {
        try {
            InputStream in = new BufferedInputStream(client.getInputStream());
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String requestLine = head.substring(0, head.indexOf('\r'));
            requestLines.add(requestLine);
            Rule rule = ruleFor(requestLine);
            if (rule != null) {
                closeQuietly(target);
                rule.response.send(requestLine, client.getOutputStream());
                return;
            }
            forward(head, in, client, target);
        } catch (IOException e) {
            // The client or the target closed the connection.
        } finally {
            closeQuietly(client);
            closeQuietly(target);
        }
    }

    private void forward(String head, InputStream in, Socket client, Socket target) throws IOException {
        String oneRequest = head.substring(0, head.length() - 2).replaceAll("(?im)^connection:[^\r]*\r\n", "")
                + "Connection: close\r\n\r\n";
        OutputStream out = target.getOutputStream();
        out.write(oneRequest.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        startThread(() -> copy(target, client, (buffer, length) -> { }), "response");
        byte[] buffer = new byte[16 * 1024];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            out.write(buffer, 0, read);
            out.flush();
        }
    }

    private Rule ruleFor(String requestLine) {
        for (Rule rule : rules) {
            if (rule.requestLine.matcher(requestLine).find()) {
                rule.hits.incrementAndGet();
                return rule;
            }
        }
        return null;
    }

    /** Reads one request head up to and including the empty line, or returns null at the end of the stream. */
    private static String readHead(InputStream in) throws IOException {
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
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private record Rule(Pattern requestLine, HostileResponse response, AtomicInteger hits) {

        Rule(Pattern requestLine, HostileResponse response) {
            this(requestLine, response, new AtomicInteger());
        }
    }
}
