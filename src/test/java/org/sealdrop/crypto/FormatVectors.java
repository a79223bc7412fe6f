package org.sealdrop.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test vectors of docs/FORMAT.md: parses them from the document and computes them from their inputs.
 *
 * <p>Run {@code main} (or {@code FormatVectorsTest} with {@code -Dsealdrop.printVectors=true}) to print
 * the blocks that belong in the document.
 */
final class FormatVectors {

    static final String RANDOM_SOURCE = "counter from 00";
    static final String PLAINTEXT_RULE = "byte i = i mod 251";
    private static final HexFormat HEX = HexFormat.of();
    private static final int HEX_LINE = 64;
    /** Vectors up to this plaintext length list the whole object; longer ones list the header and a hash. */
    static final int FULL_HEX_LIMIT = 1;

    private static final Pattern BLOCK = Pattern.compile("```text\\n(vector: .*?)```", Pattern.DOTALL);
    private static final Pattern WRAP_BLOCK = Pattern.compile("```text\\n(wrap-vector: .*?)```", Pattern.DOTALL);
    private static final Pattern PLAINTEXT = Pattern.compile("(\\d+) bytes?, " + Pattern.quote(PLAINTEXT_RULE));

    private FormatVectors() {
    }

    /** The inputs of one vector. */
    record Inputs(String name, UUID documentId, byte[] documentKey, int plaintextLength, String metadataJson) {

        byte[] plaintext() {
            return TestObjects.pattern(plaintextLength);
        }

        DocumentMetadata metadata() {
            byte[] json = metadataJson.getBytes(StandardCharsets.UTF_8);
            return MetadataCodec.decodePadded(Arrays.copyOf(json, json.length + 1));
        }
    }

    /** Returns the inputs from which the vectors are printed anew. */
    static List<Inputs> defaultInputs() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (0x40 + i);
        }
        List<Inputs> inputs = new ArrayList<>();
        inputs.add(inputs("empty", "00000000-0000-4000-8000-000000000001", key, 0, "empty.txt", "text/plain", null));
        inputs.add(inputs("one-byte", "00000000-0000-4000-8000-000000000002", key, 1, "one.bin",
                "application/octet-stream", "MRN-0001"));
        inputs.add(inputs("chunk-plus-one", "00000000-0000-4000-8000-000000000003", key, 65537,
                "Überweisung Müller.pdf", "application/pdf", "MRN-0002"));
        return inputs;
    }

    private static Inputs inputs(String name, String id, byte[] key, int length, String fileName, String mediaType,
            String patientReference) {
        byte[] plaintext = TestObjects.pattern(length);
        DocumentMetadata metadata = new DocumentMetadata(fileName, mediaType, length, TestObjects.sha256Hex(plaintext),
                patientReference, "vector-author", TestObjects.ADDED_AT);
        String json = new String(MetadataCodec.toJson(metadata), StandardCharsets.UTF_8);
        return new Inputs(name, UUID.fromString(id), key, length, json);
    }

    /** Encrypts a vector's inputs with the counter random source. */
    static byte[] computeObject(Inputs inputs) {
        try (SecretKeyBytes key = SecretKeyBytes.copyOf(inputs.documentKey());
                ObjectEncryptor encryptor = ObjectEncryptor.create(inputs.documentId(), key, inputs.metadata(),
                        new CounterRandom());
                InputStream object = encryptor.encrypt(new ByteArrayInputStream(inputs.plaintext()),
                        inputs.plaintextLength())) {
            return object.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Formats a vector block as docs/FORMAT.md carries it. */
    static String format(Inputs inputs, byte[] object) {
        int headerLength = ObjectHeader.readLength(object);
        StringBuilder block = new StringBuilder();
        block.append("vector: ").append(inputs.name()).append('\n');
        block.append("document-id: ").append(inputs.documentId()).append('\n');
        block.append("document-key: ").append(HEX.formatHex(inputs.documentKey())).append('\n');
        block.append("random: ").append(RANDOM_SOURCE).append('\n');
        block.append("plaintext: ").append(inputs.plaintextLength())
                .append(inputs.plaintextLength() == 1 ? " byte, " : " bytes, ").append(PLAINTEXT_RULE).append('\n');
        block.append("metadata-json: ").append(inputs.metadataJson()).append('\n');
        block.append("header-length: ").append(headerLength).append('\n');
        block.append("object-length: ").append(object.length).append('\n');
        block.append("object-sha256: ").append(TestObjects.sha256Hex(object)).append('\n');
        if (inputs.plaintextLength() <= FULL_HEX_LIMIT) {
            appendHex(block, "object-hex", object);
        } else {
            appendHex(block, "header-hex", Arrays.copyOf(object, headerLength));
        }
        return block.toString();
    }

    private static void appendHex(StringBuilder block, String field, byte[] bytes) {
        block.append(field).append(":\n");
        String hex = HEX.formatHex(bytes);
        for (int i = 0; i < hex.length(); i += HEX_LINE) {
            block.append("  ").append(hex, i, Math.min(hex.length(), i + HEX_LINE)).append('\n');
        }
    }

    /** Returns each object vector block of the document as field name to value, hex continuation lines joined. */
    static List<Map<String, String>> parse(String markdown) {
        return parse(markdown, BLOCK);
    }

    /** Returns each wrapped-key vector block of the document, parsed like {@link #parse(String)}. */
    static List<Map<String, String>> parseWrapVectors(String markdown) {
        return parse(markdown, WRAP_BLOCK);
    }

    private static List<Map<String, String>> parse(String markdown, Pattern block) {
        List<Map<String, String>> vectors = new ArrayList<>();
        Matcher blocks = block.matcher(markdown);
        while (blocks.find()) {
            Map<String, String> fields = new LinkedHashMap<>();
            String last = null;
            for (String line : blocks.group(1).split("\n")) {
                if (line.startsWith("  ") && last != null) {
                    fields.merge(last, line.strip(), String::concat);
                } else if (!line.isBlank()) {
                    int colon = line.indexOf(": ");
                    String key = colon < 0 ? line.substring(0, line.length() - 1) : line.substring(0, colon);
                    fields.put(key, colon < 0 ? "" : line.substring(colon + 2));
                    last = key;
                }
            }
            vectors.add(fields);
        }
        return vectors;
    }

    /** Rebuilds the inputs of a parsed vector. */
    static Inputs inputsOf(Map<String, String> fields) {
        if (!RANDOM_SOURCE.equals(fields.get("random"))) {
            throw new IllegalArgumentException("vector " + fields.get("vector") + " names an unknown random source");
        }
        Matcher plaintext = PLAINTEXT.matcher(fields.get("plaintext"));
        if (!plaintext.matches()) {
            throw new IllegalArgumentException("vector " + fields.get("vector") + " has an unknown plaintext rule");
        }
        return new Inputs(fields.get("vector"), UUID.fromString(fields.get("document-id")),
                HEX.parseHex(fields.get("document-key")), Integer.parseInt(plaintext.group(1)),
                fields.get("metadata-json"));
    }

    public static void main(String[] args) {
        for (Inputs inputs : defaultInputs()) {
            System.out.println("```text");
            System.out.print(format(inputs, computeObject(inputs)));
            System.out.println("```");
            System.out.println();
        }
    }
}
