package org.sealdrop.auditserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fuzzes the receiver's request parsing without a server: the batch parser with the event validator,
 * the query string of {@code GET /v1/events} and the {@code Authorization} header. Each may only
 * reject its input with {@link BadRequestException} (the 400 the handler sends), or return false
 * for a header it does not accept.
 */
class RequestFuzzTest {

    private static final String TOKEN = "receiver-token-2b7e151628aed2a6";
    private static final BearerTokens TOKENS = BearerTokens.of(Set.of(TOKEN));
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Parses a request body into a batch, or rejects it with {@link BadRequestException}. */
    @FuzzTest
    void eventBatch(byte[] body) throws IOException {
        List<ReceivedEvent> events;
        try {
            events = EventBatchParser.parse(body);
        } catch (BadRequestException expected) {
            return;
        }

        for (ReceivedEvent event : events) {
            // The stored text of an event is the exact JSON object the client sent for it.
            JsonNode stored = MAPPER.readTree(event.body());
            assertNotNull(stored, "an accepted event keeps its JSON text");
            assertTrue(stored.isObject(), "an accepted event's text is a JSON object");
            assertEquals(event.eventId(), stored.path("eventId").textValue(), "the kept text is the event's own");
        }
    }

    /** Parses a query string and checks an {@code Authorization} header value, as the handler does. */
    @FuzzTest
    void queryAndToken(FuzzedDataProvider data) {
        String query = data.consumeString(1000);
        try {
            EventQuery parsed = QueryParameters.parse(query);
            assertTrue(parsed.limit() >= 1, "the limit is at least 1");
            assertTrue(parsed.limit() <= EventQuery.MAX_LIMIT, "the limit is at most the maximum");
        } catch (BadRequestException expected) {
            // The documented rejection.
        }

        String authorization = data.consumeRemainingAsString();
        boolean accepted = TOKENS.accepts(authorization);
        boolean expected = authorization.length() > "bearer ".length()
                && authorization.substring(0, "bearer ".length()).toLowerCase(Locale.ROOT).equals("bearer ")
                && authorization.substring("bearer ".length()).trim().equals(TOKEN);
        assertEquals(expected, accepted, "only the configured token is accepted");
    }
}
