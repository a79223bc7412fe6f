package org.sealdrop.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks docs/FORMAT.md against the code: its test vectors byte for byte, and its header table against
 * the offsets in {@link ObjectFormat}. Maven runs tests in the project folder, so the relative path works.
 */
class FormatVectorsTest {

    private static final Path FORMAT_MD = Path.of("docs/FORMAT.md");
    private static final HexFormat HEX = HexFormat.of();

    private static String markdown;
    private static List<Map<String, String>> vectors;

    @BeforeAll
    static void readDocument() throws IOException {
        markdown = Files.readString(FORMAT_MD, StandardCharsets.UTF_8);
        vectors = FormatVectors.parse(markdown);
        if (Boolean.getBoolean("sealdrop.printVectors")) {
            FormatVectors.main(new String[0]);
        }
    }

    @Test
    void documentHasTheThreeVectors() {
        assertEquals(List.of("empty", "one-byte", "chunk-plus-one"),
                vectors.stream().map(fields -> fields.get("vector")).toList());
    }

    @Test
    void vectorsMatchByteForByte() {
        for (Map<String, String> fields : vectors) {
            FormatVectors.Inputs inputs = FormatVectors.inputsOf(fields);
            String name = inputs.name();
            byte[] object = FormatVectors.computeObject(inputs);

            assertEquals(inputs.metadataJson(),
                    new String(MetadataCodec.toJson(inputs.metadata()), StandardCharsets.UTF_8),
                    name + ": metadata JSON is what the encoder writes");
            assertEquals(TestObjects.sha256Hex(inputs.plaintext()), inputs.metadata().sha256Hex(),
                    name + ": metadata hash matches the plaintext");
            assertEquals(Integer.parseInt(fields.get("header-length")), ObjectHeader.readLength(object),
                    name + ": header length");
            assertEquals(Long.parseLong(fields.get("object-length")), object.length, name + ": object length");
            assertEquals(fields.get("object-sha256"), TestObjects.sha256Hex(object), name + ": object SHA-256");
            if (fields.containsKey("object-hex")) {
                assertEquals(fields.get("object-hex"), HEX.formatHex(object), name + ": object bytes");
            }
            if (fields.containsKey("header-hex")) {
                assertEquals(fields.get("header-hex"),
                        HEX.formatHex(Arrays.copyOf(object, ObjectHeader.readLength(object))), name + ": header bytes");
            }
            assertTrue(fields.containsKey("object-hex") || fields.containsKey("header-hex"), name + ": lists bytes");
        }
    }

    @Test
    void vectorsDecryptToTheirInputs() throws IOException {
        for (Map<String, String> fields : vectors) {
            FormatVectors.Inputs inputs = FormatVectors.inputsOf(fields);
            byte[] object = FormatVectors.computeObject(inputs);
            try (SecretKeyBytes key = SecretKeyBytes.copyOf(inputs.documentKey())) {
                InputStream in = new ByteArrayInputStream(object);
                try (ObjectDecryptor decryptor = ObjectDecryptor.open(inputs.documentId(), key, in);
                        InputStream plaintext = decryptor.decrypt(in)) {
                    assertEquals(inputs.metadata(), decryptor.metadata(), inputs.name());
                    assertArrayEquals(inputs.plaintext(), plaintext.readAllBytes(), inputs.name());
                }
            }
        }
    }

    @Test
    void vectorInputsAreTheDefaults() {
        List<FormatVectors.Inputs> defaults = FormatVectors.defaultInputs();
        for (int i = 0; i < defaults.size(); i++) {
            FormatVectors.Inputs documented = FormatVectors.inputsOf(vectors.get(i));
            assertEquals(defaults.get(i).metadataJson(), documented.metadataJson());
            assertEquals(defaults.get(i).documentId(), documented.documentId());
            assertArrayEquals(defaults.get(i).documentKey(), documented.documentKey());
        }
    }

    @Test
    void wrappedKeyVectorMatches() {
        List<Map<String, String>> wrapVectors = FormatVectors.parseWrapVectors(markdown);
        assertEquals(1, wrapVectors.size());
        Map<String, String> fields = wrapVectors.get(0);
        assertEquals(FormatVectors.RANDOM_SOURCE, fields.get("random"));

        UUID documentId = UUID.fromString(fields.get("document-id"));
        int version = Integer.parseInt(fields.get("vault-key-version"));
        try (SecretKeyBytes vaultKey = SecretKeyBytes.copyOf(HEX.parseHex(fields.get("vault-key")));
                SecretKeyBytes documentKey = SecretKeyBytes.copyOf(HEX.parseHex(fields.get("document-key")))) {
            byte[] wrapped = KeyWrapping.wrapDocumentKey(vaultKey, version, documentId, documentKey, new CounterRandom());
            assertEquals(fields.get("wrapped-hex"), HEX.formatHex(wrapped));
            try (SecretKeyBytes unwrapped = KeyWrapping.unwrapDocumentKey(vaultKey, documentId, wrapped)) {
                assertArrayEquals(documentKey.bytes(), unwrapped.bytes());
            }
        }
    }

    /** Rows of the header table: | offset | length | field | ... |. */
    @Test
    void headerTableMatchesOffsets() {
        Pattern row = Pattern.compile("^\\| (\\d+) \\| (\\d+|N) \\| `([a-z ]+)` \\|", Pattern.MULTILINE);
        Map<String, int[]> table = new LinkedHashMap<>();
        Matcher matcher = row.matcher(markdown);
        while (matcher.find()) {
            int length = matcher.group(2).equals("N") ? -1 : Integer.parseInt(matcher.group(2));
            table.put(matcher.group(3), new int[] {Integer.parseInt(matcher.group(1)), length});
        }

        Map<String, int[]> expected = new LinkedHashMap<>();
        expected.put("magic", new int[] {ObjectFormat.MAGIC_OFFSET, 4});
        expected.put("format version", new int[] {ObjectFormat.VERSION_OFFSET, 1});
        expected.put("suite", new int[] {ObjectFormat.SUITE_OFFSET, 1});
        expected.put("header length", new int[] {ObjectFormat.HEADER_LENGTH_OFFSET, 4});
        expected.put("document id", new int[] {ObjectFormat.DOCUMENT_ID_OFFSET, ObjectFormat.DOCUMENT_ID_SIZE});
        expected.put("salt", new int[] {ObjectFormat.SALT_OFFSET, ObjectFormat.SALT_SIZE});
        expected.put("nonce prefix", new int[] {ObjectFormat.NONCE_PREFIX_OFFSET, ObjectFormat.NONCE_PREFIX_SIZE});
        expected.put("key commitment", new int[] {ObjectFormat.COMMITMENT_OFFSET, ObjectFormat.COMMITMENT_SIZE});
        expected.put("metadata nonce", new int[] {ObjectFormat.METADATA_NONCE_OFFSET, ObjectFormat.NONCE_SIZE});
        expected.put("metadata length", new int[] {ObjectFormat.METADATA_LENGTH_OFFSET, 4});
        expected.put("encrypted metadata", new int[] {ObjectFormat.METADATA_OFFSET, -1});

        assertEquals(expected.keySet(), table.keySet(), "header table fields");
        for (Map.Entry<String, int[]> field : expected.entrySet()) {
            assertArrayEquals(field.getValue(), table.get(field.getKey()), field.getKey());
        }
    }

    @Test
    void derivationLabelsMatch() {
        assertTrue(markdown.contains("`" + ObjectKeys.CHUNK_KEY_LABEL + "`"));
        assertTrue(markdown.contains("`" + ObjectKeys.COMMITMENT_LABEL + "`"));
        assertTrue(markdown.contains("`" + ObjectKeys.METADATA_KEY_LABEL + "`"));
        assertTrue(markdown.contains("`" + KeyWrapping.DOCUMENT_KEY_LABEL + "`"));
    }
}
