package org.sealdrop.crypto.independent.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Document metadata as the "Metadata" section of docs/FORMAT.md defines it, with its JSON encoding and
 * zero padding.
 *
 * @param addedAt the instant as {@code Instant.toString} writes it
 */
public record SpecMetadata(String name, String mediaType, long size, String sha256, String patientReference,
        String addedBy, String addedAt) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** Rejects duplicate members and anything after the object, so the text is exactly one JSON object. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public SpecMetadata {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(addedBy, "addedBy");
        Objects.requireNonNull(addedAt, "addedAt");
    }

    /** Returns the JSON members in the order of the table, without whitespace, as Jackson 2 writes strings. */
    public byte[] toJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("name", name);
            json.writeStringField("mediaType", mediaType);
            json.writeNumberField("size", size);
            json.writeStringField("sha256", sha256);
            json.writeStringField("patientReference", patientReference);
            json.writeStringField("addedBy", addedBy);
            json.writeStringField("addedAt", addedAt);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Returns {@code json} followed by zero bytes up to the next multiple of 256.
     *
     * @throws IllegalArgumentException when the padded metadata would not fit in a header
     */
    public static byte[] pad(byte[] json) {
        int padded = (json.length + FormatV1.PADDING_BLOCK - 1) / FormatV1.PADDING_BLOCK * FormatV1.PADDING_BLOCK;
        if (padded == 0 || padded > FormatV1.MAX_PADDED_METADATA) {
            throw new IllegalArgumentException("Metadata JSON of " + json.length + " bytes does not fit in a header.");
        }
        return Arrays.copyOf(json, padded);
    }

    /**
     * Parses padded metadata: the JSON ends at the first zero byte, every byte after it must be zero, and
     * the JSON must be strict UTF-8 holding one object with every member of the table except
     * {@code patientReference}, which may be missing.
     *
     * @throws ObjectRejectedException INTEGRITY when any of this fails
     */
    public static SpecMetadata parsePadded(byte[] padded) {
        int end = 0;
        while (end < padded.length && padded[end] != 0) {
            end++;
        }
        for (int i = end; i < padded.length; i++) {
            if (padded[i] != 0) {
                throw ObjectRejectedException.integrity("the metadata padding has a non-zero byte at " + i);
            }
        }
        String text = strictUtf8(padded, end);
        // RFC 8259 lets a parser ignore a byte order mark, and FORMAT.md requires readers to.
        return parseJson(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    private static String strictUtf8(byte[] bytes, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ObjectRejectedException(ObjectRejectedException.Kind.INTEGRITY, "the metadata is not UTF-8", e);
        }
    }

    private static SpecMetadata parseJson(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new ObjectRejectedException(ObjectRejectedException.Kind.INTEGRITY, "the metadata is not valid JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw ObjectRejectedException.integrity("the metadata is not a JSON object");
        }

        JsonNode size = member(root, "size");
        if (!size.isIntegralNumber() || !size.canConvertToLong() || size.asLong() < 0) {
            throw ObjectRejectedException.integrity("the metadata size is not a non-negative integer");
        }
        String sha256 = string(root, "sha256");
        if (!SHA256_HEX.matcher(sha256).matches()) {
            throw ObjectRejectedException.integrity("the metadata sha256 is not 64 lowercase hex digits");
        }
        // A missing patientReference reads as null, unlike every other member.
        JsonNode patient = root.path("patientReference");
        if (!patient.isMissingNode() && !patient.isNull() && !patient.isTextual()) {
            throw ObjectRejectedException.integrity("the metadata patientReference is neither a string nor null");
        }
        String addedAt = string(root, "addedAt");
        try {
            Instant.parse(addedAt);
        } catch (DateTimeParseException e) {
            throw new ObjectRejectedException(ObjectRejectedException.Kind.INTEGRITY,
                    "the metadata addedAt is not an ISO-8601 instant", e);
        }
        return new SpecMetadata(string(root, "name"), string(root, "mediaType"), size.asLong(), sha256,
                patient.isTextual() ? patient.textValue() : null, string(root, "addedBy"), addedAt);
    }

    private static JsonNode member(JsonNode root, String name) {
        JsonNode value = root.get(name);
        if (value == null) {
            throw ObjectRejectedException.integrity("the metadata has no member " + name);
        }
        return value;
    }

    private static String string(JsonNode root, String name) {
        JsonNode value = member(root, name);
        if (!value.isTextual()) {
            throw ObjectRejectedException.integrity("the metadata member " + name + " is not a string");
        }
        return value.textValue();
    }
}
