package org.sealdrop.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.sealdrop.SealDropException;

/**
 * Encodes metadata as compact UTF-8 JSON with a fixed member order, zero-padded to a multiple of
 * {@link ObjectFormat#METADATA_PADDING_BLOCK} bytes (docs/FORMAT.md, "Metadata").
 *
 * <p>The padding is unambiguous because UTF-8 JSON text never contains a 0x00 byte: JSON escapes
 * control characters inside strings, and no multi-byte UTF-8 sequence contains 0x00.
 */
final class MetadataCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    private static final int TYPICAL_JSON_LENGTH = 512;

    private MetadataCodec() {
    }

    /** Returns the JSON text of {@code metadata}, without padding. */
    static byte[] toJson(DocumentMetadata metadata) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(TYPICAL_JSON_LENGTH);
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("name", metadata.name());
            json.writeStringField("mediaType", metadata.mediaType());
            json.writeNumberField("size", metadata.size());
            json.writeStringField("sha256", metadata.sha256Hex());
            json.writeStringField("patientReference", metadata.patientReference());
            json.writeStringField("addedBy", metadata.addedBy());
            json.writeStringField("addedAt", metadata.addedAt().toString());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to memory failed.", e);
        }
        return out.toByteArray();
    }

    /**
     * Returns the padded metadata plaintext.
     *
     * @throws SealDropException with code {@code SD-METADATA-TOO-LARGE} when the padded
     *         plaintext exceeds {@link ObjectFormat#MAX_METADATA_PLAINTEXT_LENGTH}
     */
    static byte[] encodePadded(DocumentMetadata metadata) {
        byte[] json = toJson(metadata);
        try {
            int block = ObjectFormat.METADATA_PADDING_BLOCK;
            int paddedLength = (json.length + block - 1) / block * block;
            if (paddedLength > ObjectFormat.MAX_METADATA_PLAINTEXT_LENGTH) {
                throw new SealDropException("SD-METADATA-TOO-LARGE", "The document metadata needs "
                        + paddedLength + " bytes but at most " + ObjectFormat.MAX_METADATA_PLAINTEXT_LENGTH
                        + " fit in a header, so shorten the file name or the patient reference.");
            }
            return Arrays.copyOf(json, paddedLength);
        } finally {
            Arrays.fill(json, (byte) 0);
        }
    }

    /**
     * Parses padded metadata plaintext. Members it does not know are ignored, so later writers of
     * format version 1 may add optional members.
     *
     * @throws IllegalArgumentException when the padding, the JSON or a member is invalid. The message is a
     *         clause such as "its metadata is not valid JSON", and it never contains a member's value.
     */
    static DocumentMetadata decodePadded(byte[] padded) {
        int jsonLength = 0;
        while (jsonLength < padded.length && padded[jsonLength] != 0) {
            jsonLength++;
        }
        for (int i = jsonLength; i < padded.length; i++) {
            if (padded[i] != 0) {
                throw new IllegalArgumentException("its metadata padding contains a non-zero byte");
            }
        }

        JsonNode root;
        try (JsonParser parser = FACTORY.createParser(padded, 0, jsonLength)) {
            root = MAPPER.readTree(parser);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("its metadata has bytes after the JSON object");
            }
        } catch (IOException e) {
            // Jackson's message may quote the text, which is PHI, so it is neither kept nor chained.
            throw new IllegalArgumentException("its metadata is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("its metadata is not a JSON object");
        }

        String name = requiredText(root, "name");
        String mediaType = requiredText(root, "mediaType");
        long size = requiredLong(root, "size");
        String sha256 = requiredText(root, "sha256");
        String patientReference = optionalText(root, "patientReference");
        String addedBy = requiredText(root, "addedBy");
        String addedAt = requiredText(root, "addedAt");
        try {
            return new DocumentMetadata(name, mediaType, size, sha256, patientReference, addedBy,
                    Instant.parse(addedAt));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("its metadata has an invalid size, sha256 or addedAt value");
        }
    }

    private static String requiredText(JsonNode root, String member) {
        JsonNode node = root.get(member);
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException("its metadata member " + member + " is missing or not a string");
        }
        return node.textValue();
    }

    private static String optionalText(JsonNode root, String member) {
        JsonNode node = root.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException("its metadata member " + member + " is not a string");
        }
        return node.textValue();
    }

    private static long requiredLong(JsonNode root, String member) {
        JsonNode node = root.get(member);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new IllegalArgumentException("its metadata member " + member + " is missing or not an integer");
        }
        return node.longValue();
    }
}
