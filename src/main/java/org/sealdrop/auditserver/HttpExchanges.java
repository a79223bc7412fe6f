package org.sealdrop.auditserver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Reading request bodies with a size limit and writing JSON responses. */
final class HttpExchanges {

    /** The largest request body accepted, 1 MiB: a batch of 100 SealDrop events is well under it. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    /**
     * Maximum number of bytes of an oversized body that are read and discarded before the 413 is sent.
     * Many clients read the response only after sending the whole body, so a response sent mid-body
     * would reach them as a broken connection instead of a 413.
     */
    static final int MAX_DISCARD_BYTES = 8 * 1024 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HttpExchanges() {
    }

    /** A request body above {@link #MAX_BODY_BYTES}. */
    static final class BodyTooLargeException extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** Reads the whole request body, or throws once it passes {@link #MAX_BODY_BYTES}. */
    static byte[] readBody(HttpExchange exchange) throws IOException, BodyTooLargeException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && parseLength(declared) > MAX_BODY_BYTES) {
            discard(exchange.getRequestBody(), parseLength(declared));
            throw new BodyTooLargeException();
        }

        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        InputStream in = exchange.getRequestBody();
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            body.write(buffer, 0, read);
            if (body.size() > MAX_BODY_BYTES) {
                discard(in, Long.MAX_VALUE);
                throw new BodyTooLargeException();
            }
        }
        return body.toByteArray();
    }

    /** Sends {@code json} with {@code status}. */
    static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Sends {@code {"error": code, "message": message}} with {@code status}. */
    static void sendError(HttpExchange exchange, int status, String code, String message) throws IOException {
        ObjectNode error = MAPPER.createObjectNode();
        error.put("error", code);
        error.put("message", message);
        sendJson(exchange, status, MAPPER.writeValueAsString(error));
    }

    private static long parseLength(String declared) {
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            // The JDK server has already rejected a malformed Content-Length; treat it as unknown here.
            return -1;
        }
    }

    /** Reads and drops up to {@code declared} bytes, but never more than {@link #MAX_DISCARD_BYTES}. */
    private static void discard(InputStream in, long declared) throws IOException {
        long budget = Math.min(declared, MAX_DISCARD_BYTES);
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while (total < budget && (read = in.read(buffer, 0, (int) Math.min(buffer.length, budget - total))) >= 0) {
            total += read;
        }
    }
}
