package org.sealdrop.auditserver;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.regex.Pattern;
import org.sealdrop.audit.AuditEventJson;
import org.sealdrop.audit.EventSignatures;
import org.sealdrop.audit.WireTime;

/**
 * The receiver's rules for one event. They match what SealDrop writes, with one deliberate leniency:
 * any lower_snake_case action and outcome is accepted, so a newer client's new action is stored rather
 * than retried forever. A malformed {@code publicKey} or {@code signature} is a malformed field (400),
 * but a well-formed signature that does not verify is only noted in the result, because the store
 * rejects that one event and keeps the rest of the batch.
 */
final class EventValidator {

    private static final Pattern UUID_V7 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final Pattern UUID_ANY =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern SNAKE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Pattern HEX_SHA_256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7e]{1,200}");
    private static final Pattern SAFE_FIELD_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private EventValidator() {
    }

    /**
     * Checks {@code event} and returns its indexed fields with {@code body}.
     *
     * @param path where the event sits in the request, for messages, such as {@code events[3]}
     * @throws BadRequestException naming the first field that is missing, unknown or malformed
     */
    static ReceivedEvent validate(String path, JsonNode event, String body) throws BadRequestException {
        for (Iterator<String> names = event.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!AuditEventJson.BODY_FIELDS.contains(name)) {
                String quotedName = SAFE_FIELD_NAME.matcher(name).matches() ? " '" + name + "'" : "";
                throw new BadRequestException(path + " has an unknown field" + quotedName
                        + "; an event has only the fields " + AuditEventJson.BODY_FIELDS + ".");
            }
        }

        String eventId = string(path, event, "eventId", UUID_V7, "a lower-case UUIDv7");
        String time = string(path, event, "time", null, "");
        if (!isWireTime(time)) {
            throw new BadRequestException(path + ".time must be a UTC time with milliseconds,"
                    + " such as 2026-03-14T09:26:53.589Z.");
        }
        String user = text(path, event, "user", 256);
        String deviceId = text(path, event, "deviceId", 128);
        String action = string(path, event, "action", SNAKE_NAME, "a lower_snake_case name");
        String documentId = nullable(event, "documentId")
                ? null : string(path, event, "documentId", UUID_ANY, "null or a lower-case UUID");
        String outcome = string(path, event, "outcome", SNAKE_NAME, "a lower_snake_case name");
        if (!nullable(event, "reason")) {
            string(path, event, "reason", PRINTABLE_ASCII, "null or 1 to 200 printable ASCII characters");
        }
        text(path, event, "appVersion", 64);
        long sequence = sequence(path, event);
        String previousHash = string(path, event, "previousHash", HEX_SHA_256, "64 lower-case hex digits");
        String publicKey = string(path, event, "publicKey", null, "");
        if (!EventSignatures.isPublicKeyForm(publicKey)) {
            throw new BadRequestException(path + ".publicKey must be the base64 form, with padding, of a 32-byte"
                    + " Ed25519 public key.");
        }
        String signature = string(path, event, "signature", null, "");
        if (!EventSignatures.isSignatureForm(signature)) {
            throw new BadRequestException(path + ".signature must be the base64 form, with padding, of a 64-byte"
                    + " Ed25519 signature.");
        }

        return new ReceivedEvent(eventId, time, user, deviceId, action, documentId, outcome, sequence,
                previousHash, publicKey, EventSignatures.verify(event), body);
    }

    /** Tells whether {@code time} is in exactly the form {@link WireTime#format} writes. */
    private static boolean isWireTime(String time) {
        try {
            return WireTime.format(WireTime.parse(time)).equals(time);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static JsonNode required(String path, JsonNode event, String field) throws BadRequestException {
        JsonNode value = event.get(field);
        if (value == null) {
            throw new BadRequestException(path + "." + field + " is missing.");
        }
        return value;
    }

    private static boolean nullable(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value != null && value.isNull();
    }

    private static String string(String path, JsonNode event, String field, Pattern form, String formName)
            throws BadRequestException {
        JsonNode value = required(path, event, field);
        if (!value.isTextual()) {
            throw new BadRequestException(path + "." + field + " must be a string.");
        }
        if (form != null && !form.matcher(value.textValue()).matches()) {
            throw new BadRequestException(path + "." + field + " must be " + formName + ".");
        }
        return value.textValue();
    }

    /** Returns the field's string after checking that it is non-blank, short enough and free of control characters. */
    private static String text(String path, JsonNode event, String field, int maxLength) throws BadRequestException {
        String value = string(path, event, field, null, "");
        boolean valid = !value.isBlank() && value.length() <= maxLength
                && value.chars().noneMatch(Character::isISOControl);
        if (!valid) {
            throw new BadRequestException(path + "." + field + " must be 1 to " + maxLength
                    + " characters without control characters.");
        }
        return value;
    }

    private static long sequence(String path, JsonNode event) throws BadRequestException {
        JsonNode value = required(path, event, "sequence");
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 1) {
            throw new BadRequestException(path + ".sequence must be an integer from 1.");
        }
        return value.longValue();
    }
}
