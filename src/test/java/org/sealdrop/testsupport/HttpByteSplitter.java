package org.sealdrop.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Splits one direction of an HTTP/1.1 connection into header bytes and body bytes, fed in the
 * pieces that arrive. Bodies are delimited by {@code Content-Length} or chunked encoding (whose
 * framing counts as body). A response to HEAD, a 1xx, 204 or 304 response has no body. To know which
 * response answers a HEAD, the request side records its methods in a queue that the response side of
 * the same connection reads.
 */
final class HttpByteSplitter {

    private enum State { HEADERS, BODY, CHUNK_SIZE, CHUNK_DATA, TRAILER }

    private final boolean responses;
    private final Deque<String> requestMethods;
    private final AtomicLong headerBytes;
    private final AtomicLong bodyBytes;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final StringBuilder head = new StringBuilder();

    private State state = State.HEADERS;
    private long remaining;

    HttpByteSplitter(boolean responses, Deque<String> requestMethods, AtomicLong headerBytes, AtomicLong bodyBytes) {
        this.responses = responses;
        this.requestMethods = requestMethods;
        this.headerBytes = headerBytes;
        this.bodyBytes = bodyBytes;
    }

    void accept(byte[] buffer, int length) {
        int i = 0;
        while (i < length) {
            if (state == State.BODY || state == State.CHUNK_DATA) {
                int take = (int) Math.min(remaining, length - i);
                bodyBytes.addAndGet(take);
                remaining -= take;
                i += take;
                if (remaining == 0) {
                    state = state == State.BODY ? State.HEADERS : State.CHUNK_SIZE;
                }
                continue;
            }
            byte b = buffer[i++];
            if (state == State.HEADERS) {
                headerBytes.incrementAndGet();
            } else {
                bodyBytes.incrementAndGet();
            }
            line.write(b);
            if (b == '\n') {
                endOfLine(line.toString(StandardCharsets.ISO_8859_1).strip());
                line.reset();
            }
        }
    }

    private void endOfLine(String text) {
        switch (state) {
            case HEADERS -> {
                if (!text.isEmpty()) {
                    head.append(text).append('\n');
                } else if (head.length() > 0) {
                    endOfHead(head.toString());
                    head.setLength(0);
                }
            }
            case CHUNK_SIZE -> {
                if (text.isEmpty()) {
                    return;
                }
                remaining = Long.parseLong(text.split(";")[0].strip(), 16);
                state = remaining == 0 ? State.TRAILER : State.CHUNK_DATA;
            }
            case TRAILER -> {
                if (text.isEmpty()) {
                    state = State.HEADERS;
                }
            }
            default -> throw new IllegalStateException("no line expected in state " + state);
        }
    }

    private void endOfHead(String text) {
        String[] lines = text.split("\n");
        String startLine = lines[0];
        long contentLength = 0;
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            String header = lines[i].toLowerCase(Locale.ROOT);
            if (header.startsWith("content-length:")) {
                contentLength = Long.parseLong(header.substring("content-length:".length()).strip());
            } else if (header.startsWith("transfer-encoding:") && header.contains("chunked")) {
                chunked = true;
            }
        }

        boolean hasBody = true;
        if (responses) {
            int status = Integer.parseInt(startLine.split(" ")[1]);
            if (status >= 100 && status < 200) {
                return;
            }
            String method = requestMethods.pollFirst();
            hasBody = !"HEAD".equals(method) && status != 204 && status != 304;
        } else {
            requestMethods.addLast(startLine.split(" ")[0]);
        }

        if (hasBody && chunked) {
            state = State.CHUNK_SIZE;
        } else if (hasBody && contentLength > 0) {
            remaining = contentLength;
            state = State.BODY;
        }
    }
}
