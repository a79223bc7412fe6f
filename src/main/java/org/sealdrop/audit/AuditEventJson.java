package org.sealdrop.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.sealdrop.SealDropException;

/**
 * The canonical JSON of an audit event, its signed body and its chain hash, as specified in
 * docs/AUDIT.md.
 *
 * <p>Canonical JSON has the eleven fields in the order of {@link #FIELDS}, no whitespace, null for an
 * absent document id or reason, the sequence as a plain integer, and strings escaped as in RFC 8785:
 * {@code \"}, {@code \\}, the short escapes {@code \b \t \n \f \r}, <code>&#92;u00xx</code> in lower-case hex
 * for other characters below U+0020, and every other character as itself in UTF-8. Its UTF-8 bytes
 * are what the device signs. The body that is stored and sent is the canonical JSON with
 * {@code publicKey} and {@code signature} appended ({@link #BODY_FIELDS}), and the chain hash is the
 * lower-case hex SHA-256 of the body's UTF-8 bytes, so the chain covers the signatures too.
 */
public final class AuditEventJson {

    /** The eleven fields of an event in canonical order, which the signature covers. */
    public static final List<String> FIELDS = List.of("eventId", "time", "user", "deviceId", "action",
            "documentId", "outcome", "reason", "appVersion", "sequence", "previousHash");

    /** The fields that a signed body has after {@link #FIELDS}, in this order. */
    public static final List<String> SIGNATURE_FIELDS = List.of("publicKey", "signature");

    /** All fields of a signed body in order: {@link #FIELDS}, then {@link #SIGNATURE_FIELDS}. */
    public static final List<String> BODY_FIELDS = concat(FIELDS, SIGNATURE_FIELDS);

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private AuditEventJson() {
    }

    /** Writes the canonical JSON of {@code event}. */
    public static String canonical(AuditEvent event) {
        StringBuilder json = new StringBuilder(512);
        json.append('{');
        appendField(json, "eventId", event.eventId().toString());
        appendField(json, "time", WireTime.format(event.time()));
        appendField(json, "user", event.user());
        appendField(json, "deviceId", event.deviceId());
        appendField(json, "action", event.action().wireName());
        appendField(json, "documentId", event.documentId() == null ? null : event.documentId().toString());
        appendField(json, "outcome", event.outcome().wireName());
        appendField(json, "reason", event.reason());
        appendField(json, "appVersion", event.appVersion());
        json.append("\"sequence\":").append(event.sequence()).append(',');
        appendField(json, "previousHash", event.previousHash());
        json.setCharAt(json.length() - 1, '}');
        return json.toString();
    }

    /**
     * Writes the canonical JSON of the eleven {@link #FIELDS} of a parsed body, ignoring its other
     * fields. A receiver uses it to rebuild the signed bytes of a body in any JSON spelling, including
     * actions and outcomes that this version does not know.
     *
     * @throws IllegalArgumentException when a field is missing, {@code sequence} is not an integer, or
     *     another field is neither a string nor null
     */
    public static String canonical(JsonNode body) {
        StringBuilder json = new StringBuilder(512);
        json.append('{');
        for (String name : FIELDS) {
            JsonNode value = body.get(name);
            if (value == null) {
                throw new IllegalArgumentException(name + " is missing.");
            }
            if (name.equals("sequence")) {
                if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                    throw new IllegalArgumentException("sequence is not an integer.");
                }
                json.append("\"sequence\":").append(value.longValue()).append(',');
            } else if (value.isNull() || value.isTextual()) {
                appendField(json, name, value.textValue());
            } else {
                throw new IllegalArgumentException(name + " is neither a string nor null.");
            }
        }
        json.setCharAt(json.length() - 1, '}');
        return json.toString();
    }

    /**
     * Returns the body to store and send: {@code canonicalJson} with the {@code publicKey} and
     * {@code signature} fields, both base64 with padding, appended in that order.
     */
    public static String body(String canonicalJson, String publicKeyBase64, String signatureBase64) {
        StringBuilder json = new StringBuilder(canonicalJson.length() + 160);
        json.append(canonicalJson, 0, canonicalJson.length() - 1).append(',');
        appendField(json, "publicKey", publicKeyBase64);
        appendField(json, "signature", signatureBase64);
        json.setCharAt(json.length() - 1, '}');
        return json.toString();
    }

    /** Returns the lower-case hex SHA-256 of the UTF-8 bytes of {@code canonicalJson}. */
    public static String hash(String canonicalJson) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonicalJson.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256.", e);
        }
    }

    /**
     * Parses an event body with exactly the fields of {@link #FIELDS}, with or without the
     * {@link #SIGNATURE_FIELDS}. It accepts any JSON spelling of them; {@link #canonical} returns the
     * canonical one. It does not check the signature, which {@link EventSignatures#verify(String)} does.
     *
     * @throws SealDropException with code {@code SD-AUDIT-INVALID} naming the first field that is
     *     missing, unknown or of the wrong type
     */
    public static AuditEvent parse(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SealDropException("SD-AUDIT-INVALID", "The audit event is not valid JSON; pass one event object.");
        }
        if (node == null || !node.isObject()) {
            throw new SealDropException("SD-AUDIT-INVALID", "The audit event is not a JSON object; pass one event object.");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!BODY_FIELDS.contains(name)) {
                throw new SealDropException("SD-AUDIT-INVALID",
                        "The audit event has a field outside " + BODY_FIELDS + "; remove it.");
            }
        });
        try {
            return new AuditEvent(
                    UUID.fromString(text(node, "eventId")),
                    WireTime.parse(text(node, "time")),
                    text(node, "user"),
                    text(node, "deviceId"),
                    AuditAction.fromWireName(text(node, "action")),
                    uuidOrNull(node, "documentId"),
                    Outcome.fromWireName(text(node, "outcome")),
                    textOrNull(node, "reason"),
                    text(node, "appVersion"),
                    integer(node, "sequence"),
                    text(node, "previousHash"));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new SealDropException("SD-AUDIT-INVALID",
                    "The audit event has a malformed id or time; check eventId, documentId and time.");
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    private static void appendField(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":");
        if (value == null) {
            json.append("null");
        } else {
            appendString(json, value);
        }
        json.append(',');
    }

    private static void appendString(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\t' -> json.append("\\t");
                case '\n' -> json.append("\\n");
                case '\f' -> json.append("\\f");
                case '\r' -> json.append("\\r");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            throw EventFields.invalid(name + " is missing.");
        }
        return value;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isTextual()) {
            throw EventFields.invalid(name + " is not a string.");
        }
        return value.textValue();
    }

    private static String textOrNull(JsonNode node, String name) {
        return field(node, name).isNull() ? null : text(node, name);
    }

    private static UUID uuidOrNull(JsonNode node, String name) {
        String value = textOrNull(node, name);
        return value == null ? null : UUID.fromString(value);
    }

    private static long integer(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw EventFields.invalid(name + " is not an integer.");
        }
        return value.longValue();
    }
}
