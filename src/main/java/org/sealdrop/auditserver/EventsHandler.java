package org.sealdrop.auditserver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.sealdrop.auditserver.HttpExchanges.BodyTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/events} stores a batch, {@code GET /v1/events} queries stored events, and
 * {@code GET /v1/status} returns {@code {"status":"ok"}} so that a client can test its URL and token
 * without writing an event. All need a bearer token; other paths get 404 and other methods 405.
 */
final class EventsHandler implements HttpHandler {

    static final String PATH = "/v1/events";
    static final String STATUS_PATH = "/v1/status";

    private static final Logger log = LoggerFactory.getLogger(EventsHandler.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long AUTH_WARNING_INTERVAL_MILLIS = 60_000;

    private final ReceiverStore store;
    private final BearerTokens tokens;
    private final AtomicLong lastAuthWarningMillis = new AtomicLong();
    private final AtomicLong rejectedSinceWarning = new AtomicLong();

    EventsHandler(ReceiverStore store, BearerTokens tokens) {
        this.store = store;
        this.tokens = tokens;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (STATUS_PATH.equals(exchange.getRequestURI().getPath())) {
                handleStatus(exchange);
                return;
            }
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                HttpExchanges.sendError(exchange, 404, "not_found", "No such resource; events are at " + PATH + ".");
                return;
            }
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "GET, POST");
                HttpExchanges.sendError(exchange, 405, "method_not_allowed", PATH + " accepts GET and POST.");
                return;
            }
            if (!authorized(exchange)) {
                return;
            }
            if (method.equals("POST")) {
                handlePost(exchange);
            } else {
                handleGet(exchange);
            }
        } catch (RuntimeException e) {
            // Store failures land here; the client keeps its events and retries after a 500.
            log.error("Audit request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
            trySendError(exchange, 500, "internal_error", "The receiver could not complete the request; retry later.");
        } finally {
            exchange.close();
        }
    }

    /** Responds to a status request without reading or writing the store. */
    private void handleStatus(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET");
            HttpExchanges.sendError(exchange, 405, "method_not_allowed", STATUS_PATH + " accepts GET.");
            return;
        }
        if (authorized(exchange)) {
            HttpExchanges.sendJson(exchange, 200, "{\"status\":\"ok\"}");
        }
    }

    private boolean authorized(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (tokens.accepts(authorization)) {
            return true;
        }
        warnRejected(exchange, authorization == null);
        String challenge = authorization == null ? "Bearer realm=\"sealdrop-audit\""
                : "Bearer realm=\"sealdrop-audit\", error=\"invalid_token\"";
        exchange.getResponseHeaders().set("WWW-Authenticate", challenge);
        HttpExchanges.sendError(exchange, 401, "unauthorized", "A valid bearer token is required.");
        return false;
    }

    private void handlePost(HttpExchange exchange) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).trim().startsWith("application/json")) {
            HttpExchanges.sendError(exchange, 415, "unsupported_media_type", "Send the batch as application/json.");
            return;
        }

        List<ReceivedEvent> events;
        try {
            events = EventBatchParser.parse(HttpExchanges.readBody(exchange));
        } catch (BodyTooLargeException e) {
            exchange.getResponseHeaders().set("Connection", "close");
            HttpExchanges.sendError(exchange, 413, "payload_too_large", "The body exceeds "
                    + HttpExchanges.MAX_BODY_BYTES + " bytes; send fewer events per batch.");
            return;
        } catch (BadRequestException e) {
            log.warn("Rejected an audit batch from {}: {}", exchange.getRemoteAddress(), e.getMessage());
            HttpExchanges.sendError(exchange, 400, "invalid_request", e.getMessage());
            return;
        }

        AppendResult result = store.append(events);
        log.info("Audit batch from {}: {} events stored, {} duplicates ignored, {} rejected",
                exchange.getRemoteAddress(), result.stored().size(), result.duplicates().size(),
                result.rejected().size());
        if (!result.rejected().isEmpty()) {
            // One line per batch, because a client retries rejected events after each backoff.
            log.warn("Rejected {} audit events from {}: {}", result.rejected().size(), exchange.getRemoteAddress(),
                    result.rejected());
        }

        ObjectNode response = MAPPER.createObjectNode();
        ArrayNode stored = response.putArray("stored");
        result.stored().forEach(stored::add);
        ArrayNode duplicates = response.putArray("duplicates");
        result.duplicates().forEach(duplicates::add);
        ArrayNode rejected = response.putArray("rejected");
        for (AppendResult.Rejection rejection : result.rejected()) {
            rejected.addObject().put("eventId", rejection.eventId()).put("error", rejection.error());
        }
        HttpExchanges.sendJson(exchange, 200, MAPPER.writeValueAsString(response));
    }

    private void handleGet(HttpExchange exchange) throws IOException {
        EventQuery query;
        try {
            query = QueryParameters.parse(exchange.getRequestURI().getRawQuery());
        } catch (BadRequestException e) {
            HttpExchanges.sendError(exchange, 400, "invalid_request", e.getMessage());
            return;
        }
        // The bodies were validated JSON when stored, so they are joined without parsing them again.
        String json = "{\"events\":[" + String.join(",", store.queryBodies(query)) + "]}";
        HttpExchanges.sendJson(exchange, 200, json);
    }

    /** Logs rejected tokens at most once a minute, with the count since the last line. */
    private void warnRejected(HttpExchange exchange, boolean missing) {
        long rejected = rejectedSinceWarning.incrementAndGet();
        long now = System.currentTimeMillis();
        long last = lastAuthWarningMillis.get();
        if (now - last >= AUTH_WARNING_INTERVAL_MILLIS && lastAuthWarningMillis.compareAndSet(last, now)) {
            rejectedSinceWarning.addAndGet(-rejected);
            log.warn("Rejected a request from {} with a {} bearer token ({} rejected requests since the last warning)",
                    exchange.getRemoteAddress(), missing ? "missing" : "wrong", rejected);
        }
    }

    private static void trySendError(HttpExchange exchange, int status, String code, String message) {
        try {
            HttpExchanges.sendError(exchange, status, code, message);
        } catch (IOException | RuntimeException e) {
            // Headers were already sent or the client left, so no error response can reach it.
            log.debug("Could not send the error response", e);
        }
    }
}
