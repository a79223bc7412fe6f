package org.sealdrop.auditserver;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the body of {@code POST /v1/events}, {@code {"events":[...]}}, into validated events. Each
 * event keeps the exact characters the client sent, so the receiver can later check the chain hash
 * that the next event of the device carries.
 */
final class EventBatchParser {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private EventBatchParser() {
    }

    /**
     * Parses and validates a whole batch.
     *
     * @throws BadRequestException naming the first malformed part, such as {@code events[2].time}
     */
    static List<ReceivedEvent> parse(byte[] body) throws BadRequestException {
        String text = decodeUtf8(body);
        try (JsonParser parser = MAPPER.createParser(text)) {
            expect(parser.nextToken() == JsonToken.START_OBJECT, "The body is not a JSON object with an events array.");
            expect(parser.nextToken() == JsonToken.FIELD_NAME && "events".equals(parser.currentName()),
                    "The body must have exactly one field, events.");
            expect(parser.nextToken() == JsonToken.START_ARRAY, "events is not an array.");

            List<ReceivedEvent> events = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                String path = "events[" + events.size() + "]";
                expect(token == JsonToken.START_OBJECT, path + " is not a JSON object.");
                int start = Math.toIntExact(parser.currentTokenLocation().getCharOffset());
                JsonNode event = parser.readValueAsTree();
                int end = Math.toIntExact(parser.currentTokenLocation().getCharOffset()) + 1;
                events.add(EventValidator.validate(path, event, text.substring(start, end)));
            }

            expect(parser.nextToken() == JsonToken.END_OBJECT, "The body must have exactly one field, events.");
            expect(parser.nextToken() == null, "The body has content after the JSON object.");
            return events;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new BadRequestException("The body is not well-formed JSON" + where + ".");
        } catch (IOException e) {
            throw new BadRequestException("The body could not be read as JSON.");
        }
    }

    private static String decodeUtf8(byte[] body) throws BadRequestException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadRequestException("The body is not valid UTF-8.");
        }
    }

    private static void expect(boolean condition, String message) throws BadRequestException {
        if (!condition) {
            throw new BadRequestException(message);
        }
    }
}
