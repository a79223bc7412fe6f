package org.sealdrop.crypto.independent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sealdrop.crypto.independent.format.DocumentKeyWrap;
import org.sealdrop.crypto.independent.format.IndependentDecoder;
import org.sealdrop.crypto.independent.format.IndependentEncoder;
import org.sealdrop.crypto.independent.format.OpenedObject;
import org.sealdrop.crypto.independent.format.SpecMetadata;

/**
 * The independent reader and writer against the test vectors of docs/FORMAT.md, read from the page
 * itself: the reader decrypts each listed object, and the writer rebuilds each one from the inputs the
 * page lists, with the counter "random" source it describes.
 */
class IndependentVectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern PLAINTEXT = Pattern.compile("(\\d+) bytes?, byte i = i mod 251");
    /** Salt (32), nonce prefix (7) and metadata nonce (12), drawn in this order from the counter source. */
    private static final int RANDOM_BYTES_PER_OBJECT = 51;

    private static String markdown;
    private static List<Map<String, String>> vectors;

    @BeforeAll
    static void readDocument() {
        markdown = FormatDocument.read();
        vectors = FormatDocument.objectVectors(markdown);
    }

    @Test
    void documentListsThreeObjectVectors() {
        assertEquals(List.of("empty", "one-byte", "chunk-plus-one"),
                vectors.stream().map(fields -> fields.get("vector")).toList());
    }

    @Test
    void decoderReadsEveryVector() {
        for (Map<String, String> fields : vectors) {
            String name = fields.get("vector");
            byte[] object = listedObject(fields);
            assertEquals(fields.get("object-sha256"), RandomDocuments.sha256Hex(object), name + ": object SHA-256");

            byte[] plaintext;
            SpecMetadata metadata;
            ByteArrayInputStream in = new ByteArrayInputStream(object);
            try (OpenedObject opened = IndependentDecoder.open(documentId(fields), documentKey(fields), in)) {
                assertEquals(Integer.parseInt(fields.get("header-length")), opened.header().length(),
                        name + ": header length");
                metadata = opened.metadata();
                plaintext = opened.decryptChunks(in);
            }

            assertArrayEquals(pattern(plaintextLength(fields)), plaintext, name + ": plaintext");
            assertEquals(fields.get("metadata-json"), new String(metadata.toJson(), StandardCharsets.UTF_8),
                    name + ": metadata JSON");
            assertEquals(RandomDocuments.sha256Hex(plaintext), metadata.sha256(), name + ": metadata sha256");
            assertEquals(plaintext.length, metadata.size(), name + ": metadata size");
        }
    }

    @Test
    void encoderRebuildsEveryVector() {
        for (Map<String, String> fields : vectors) {
            String name = fields.get("vector");
            byte[] object = encode(fields);
            int headerLength = Integer.parseInt(fields.get("header-length"));

            assertEquals(Long.parseLong(fields.get("object-length")), object.length, name + ": object length");
            assertEquals(fields.get("object-sha256"), RandomDocuments.sha256Hex(object), name + ": object SHA-256");
            if (fields.containsKey("object-hex")) {
                assertEquals(fields.get("object-hex"), HEX.formatHex(object), name + ": object bytes");
            } else {
                assertEquals(fields.get("header-hex"), HEX.formatHex(Arrays.copyOf(object, headerLength)),
                        name + ": header bytes");
            }
        }
    }

    @Test
    void wrapVectorUnwrapsAndRewraps() {
        List<Map<String, String>> wrapVectors = FormatDocument.wrapVectors(markdown);
        assertEquals(1, wrapVectors.size(), "wrapped-key vectors on the page");
        Map<String, String> fields = wrapVectors.get(0);
        assertEquals("counter from 00", fields.get("random"));

        byte[] vaultKey = HEX.parseHex(fields.get("vault-key"));
        long version = Long.parseLong(fields.get("vault-key-version"));
        byte[] wrapped = HEX.parseHex(fields.get("wrapped-hex"));

        assertEquals(version, DocumentKeyWrap.vaultKeyVersionOf(wrapped), "vault key version");
        assertArrayEquals(documentKey(fields), DocumentKeyWrap.unwrap(vaultKey, documentId(fields), wrapped),
                "unwrapped document key");
        byte[] rewrapped = DocumentKeyWrap.wrap(vaultKey, version, documentId(fields), documentKey(fields),
                FixedRandom.counterBytes(12));
        assertEquals(fields.get("wrapped-hex"), HEX.formatHex(rewrapped), "wrapped bytes");
    }

    /** Returns the whole object: listed as hex, or rebuilt and checked against the listed header. */
    private static byte[] listedObject(Map<String, String> fields) {
        if (fields.containsKey("object-hex")) {
            return HEX.parseHex(fields.get("object-hex"));
        }
        assertTrue(fields.containsKey("header-hex"), fields.get("vector") + " lists its object or header");
        byte[] object = encode(fields);
        String header = HEX.formatHex(Arrays.copyOf(object, Integer.parseInt(fields.get("header-length"))));
        assertEquals(fields.get("header-hex"), header, fields.get("vector") + ": rebuilt header");
        return object;
    }

    private static byte[] encode(Map<String, String> fields) {
        assertEquals("counter from 00", fields.get("random"), fields.get("vector") + ": random source");
        byte[] json = fields.get("metadata-json").getBytes(StandardCharsets.UTF_8);
        return IndependentEncoder.encode(documentId(fields), documentKey(fields),
                IndependentEncoder.RandomValues.of(FixedRandom.counterBytes(RANDOM_BYTES_PER_OBJECT)),
                SpecMetadata.pad(json), pattern(plaintextLength(fields)));
    }

    private static UUID documentId(Map<String, String> fields) {
        return UUID.fromString(fields.get("document-id"));
    }

    private static byte[] documentKey(Map<String, String> fields) {
        return HEX.parseHex(fields.get("document-key"));
    }

    private static int plaintextLength(Map<String, String> fields) {
        Matcher matcher = PLAINTEXT.matcher(fields.get("plaintext"));
        assertTrue(matcher.matches(), fields.get("vector") + ": plaintext rule");
        return Integer.parseInt(matcher.group(1));
    }

    /** Returns the vectors' plaintext: byte i is i mod 251. */
    static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i % 251);
        }
        return bytes;
    }
}
