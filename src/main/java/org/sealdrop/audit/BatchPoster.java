package org.sealdrop.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.sealdrop.audit.OutboxRows.PendingEvent;

/** Sends one batch of outbox events to {@code POST {auditUrl}/v1/events} and reads the acknowledgement. */
final class BatchPoster {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** An acknowledgement lists at most 100 ids of 36 characters; anything far larger is not one. */
    private static final int MAX_RESPONSE_BYTES = 256 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The {@code last_error} of a failed TLS handshake, such as a rejected certificate. */
    private static final String TLS_FAILURE = SSLHandshakeException.class.getSimpleName();

    private final HttpClient client;
    private final URI eventsUri;

    BatchPoster(URI eventsUri) {
        this(eventsUri, null);
    }

    /**
     * Creates a poster for {@code eventsUri} that follows no redirects.
     *
     * @param tls the TLS context whose trust managers check the receiver's certificate, or null for the
     *     JDK's default CAs. Host names are verified either way.
     */
    BatchPoster(URI eventsUri, SSLContext tls) {
        this.eventsUri = eventsUri;
        // No redirects: a redirect would carry the bearer token and the events to another address.
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1);
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.client = builder.build();
    }

    /** Tells whether {@code failure} is a rejected TLS certificate or handshake, which needs a fix in configuration. */
    static boolean isTlsFailure(Failed failure) {
        return failure.error().equals(TLS_FAILURE);
    }

    /** Outcome of posting one batch. */
    sealed interface Result permits Acknowledged, Failed {
    }

    /**
     * HTTP 200: the ids the receiver stored now or had stored before, and the ids it rejected with
     * their error, such as {@code key_mismatch}. A receiver without signature checks sends no
     * {@code rejected} list, which reads as empty.
     */
    record Acknowledged(Set<String> eventIds, Map<String, String> rejected) implements Result {
    }

    /**
     * No acknowledgement. {@code error} is the status ("HTTP 503") or the exception's class name, never
     * a message that could contain the request. {@code status} is 0 when no response arrived;
     * {@code rejected} marks a 3xx or a 4xx other than 429, which retrying will not fix without a
     * change in configuration.
     */
    record Failed(String error, int status, boolean rejected) implements Result {
    }

    /**
     * Sends {@code events}, bodies exactly as stored, and waits at most {@code timeout} for the whole
     * response, body included. A body longer than 256 KiB is cut off there and is no acknowledgement.
     *
     * @param authorization the Authorization header value, or null to send none
     */
    Result post(List<PendingEvent> events, String authorization, Duration timeout) throws InterruptedException {
        StringJoiner body = new StringJoiner(",", "{\"events\":[", "]}");
        events.forEach(event -> body.add(event.body()));

        HttpRequest.Builder request = HttpRequest.newBuilder(eventsUri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }

        // The request timeout ends only the wait for the response head, so the whole exchange, body
        // included, is bounded here, so a receiver that sends a head and then stalls cannot hold the sender.
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request.build(),
                info -> new BoundedBodySubscriber(MAX_RESPONSE_BYTES));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return new Failed(HttpTimeoutException.class.getSimpleName(), 0, false);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            return failure(e.getCause());
        }
        byte[] responseBody = response.body();

        int status = response.statusCode();
        if (status == 200) {
            return parseAcknowledgement(responseBody);
        }
        boolean rejected = status >= 300 && status < 500 && status != 429;
        return new Failed("HTTP " + status, status, rejected);
    }

    /** Names a failed exchange by its exception's class, and marks a failed TLS handshake as needing a configuration fix. */
    private static Failed failure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException) {
                // An untrusted or expired certificate, or one for another host name: retrying will not fix it.
                return new Failed(TLS_FAILURE, 0, true);
            }
        }
        Throwable named = cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
        return new Failed(named.getClass().getSimpleName(), 0, false);
    }

    private static Result parseAcknowledgement(byte[] responseBody) {
        Set<String> acknowledged = new HashSet<>();
        Map<String, String> rejected = new HashMap<>();
        try {
            JsonNode ack = MAPPER.readTree(responseBody);
            for (String listName : List.of("stored", "duplicates")) {
                JsonNode ids = ack == null ? null : ack.get(listName);
                if (ids == null || !ids.isArray()) {
                    return new Failed("invalid acknowledgement", 200, false);
                }
                ids.forEach(id -> acknowledged.add(id.asText()));
            }
            JsonNode rejections = ack.get("rejected");
            if (rejections != null && !readRejections(rejections, rejected)) {
                return new Failed("invalid acknowledgement", 200, false);
            }
        } catch (IOException e) {
            return new Failed("invalid acknowledgement", 200, false);
        }
        return new Acknowledged(acknowledged, rejected);
    }

    /** Reads {@code [{"eventId":…,"error":…},…]} into {@code target}; false when it has another shape. */
    private static boolean readRejections(JsonNode rejections, Map<String, String> target) {
        if (!rejections.isArray()) {
            return false;
        }
        for (JsonNode rejection : rejections) {
            JsonNode eventId = rejection.get("eventId");
            JsonNode error = rejection.get("error");
            if (eventId == null || !eventId.isTextual() || error == null || !error.isTextual()) {
                return false;
            }
            target.put(eventId.asText(), error.asText());
        }
        return true;
    }
}
