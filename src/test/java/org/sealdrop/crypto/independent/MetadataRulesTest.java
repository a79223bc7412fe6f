package org.sealdrop.crypto.independent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sealdrop.crypto.IntegrityException;
import org.sealdrop.crypto.independent.format.IndependentEncoder;
import org.sealdrop.crypto.independent.format.ObjectRejectedException;

/**
 * Both readers hold metadata to the rules of "Metadata" in docs/FORMAT.md. The independent writer
 * encrypts each JSON text under the right key, so only the JSON decides whether a reader accepts it.
 */
class MetadataRulesTest {

    private static final int CHUNK = 65536;

    private final Random random = new Random(System.nanoTime());
    /** Two chunks, so a length or hash that disagrees shows whether the first chunk was released. */
    private final byte[] plaintext = RandomDocuments.plaintext(random, CHUNK + 100);
    private final String sha256 = RandomDocuments.sha256Hex(plaintext);
    private final String members = "\"name\":\"a.pdf\",\"mediaType\":\"application/pdf\",\"size\":" + plaintext.length
            + ",\"sha256\":\"" + sha256 + "\",\"patientReference\":\"MRN-1\",\"addedBy\":\"u\","
            + "\"addedAt\":\"2025-01-02T03:04:05Z\"";
    private final String valid = "{" + members + "}";

    private static byte[] padded(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(bytes, Math.max(256, (bytes.length + 255) / 256 * 256));
    }

    @Test
    void bothAcceptValidVariants() {
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("members in another order", padded("{\"addedAt\":\"2025-01-02T03:04:05Z\","
                + members.replace(",\"addedAt\":\"2025-01-02T03:04:05Z\"", "") + "}"));
        cases.put("unknown members", padded("{" + members + ",\"extra\":[1,{\"a\":null}],\"z\":2}"));
        cases.put("whitespace between tokens", padded("{ " + members.replace(",\"", " ,\n\t\"").replace("\":", "\" : ")
                + " }\r\n"));
        cases.put("escaped solidus", padded(valid.replace("application/pdf", "application\\/pdf")));
        cases.put("missing patientReference", padded(valid.replace("\"patientReference\":\"MRN-1\",", "")));
        cases.put("byte order mark", padded("\uFEFF" + valid));
        cases.put("padding longer than needed", Arrays.copyOf(valid.getBytes(StandardCharsets.UTF_8), 512));
        cases.put("fractional seconds", padded(valid.replace("05Z", "05.250Z")));

        for (Map.Entry<String, byte[]> entry : cases.entrySet()) {
            Written objects = encode(entry.getValue());
            for (ReadOutcome outcome : objects.readBoth()) {
                assertNull(outcome.failure(), entry.getKey());
                assertArrayEquals(plaintext, outcome.released(), entry.getKey());
            }
        }
    }

    @Test
    void bothRejectInvalidMetadata() {
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("duplicate member", padded("{" + members + ",\"name\":\"b.pdf\"}"));
        for (String member : new String[] {"name", "mediaType", "size", "sha256", "addedBy", "addedAt"}) {
            cases.put("missing " + member, padded(valid.replaceFirst("\"" + member + "\":(\"[^\"]*\"|\\d+),?", "")
                    .replace(",}", "}")));
        }
        cases.put("name null", padded(valid.replace("\"a.pdf\"", "null")));
        cases.put("name number", padded(valid.replace("\"a.pdf\"", "7")));
        cases.put("mediaType number", padded(valid.replace("\"application/pdf\"", "7")));
        cases.put("addedBy number", padded(valid.replace("\"addedBy\":\"u\"", "\"addedBy\":7")));
        cases.put("addedAt number", padded(valid.replace("\"2025-01-02T03:04:05Z\"", "1735787045")));
        cases.put("addedAt without zone", padded(valid.replace("05Z", "05")));
        cases.put("patientReference number", padded(valid.replace("\"MRN-1\"", "7")));
        cases.put("size string", padded(valid.replace("\"size\":" + plaintext.length, "\"size\":\"1\"")));
        cases.put("size 1.0", padded(valid.replace("\"size\":" + plaintext.length, "\"size\":1.0")));
        cases.put("size 1e0", padded(valid.replace("\"size\":" + plaintext.length, "\"size\":1e0")));
        cases.put("size -1", padded(valid.replace("\"size\":" + plaintext.length, "\"size\":-1")));
        cases.put("size beyond a long", padded(valid.replace("\"size\":" + plaintext.length, "\"size\":1" + "0".repeat(20))));
        cases.put("sha256 upper case", padded(valid.replace(sha256, sha256.toUpperCase())));
        cases.put("sha256 of 63 digits", padded(valid.replace(sha256, sha256.substring(1))));
        cases.put("text after the object", padded(valid + "x"));
        cases.put("two objects", padded(valid + "{}"));
        cases.put("comment", padded("{/* c */" + members + "}"));
        cases.put("array", padded("[" + valid + "]"));
        cases.put("whitespace only", padded("   "));
        cases.put("all zero", new byte[256]);
        byte[] nonZeroPadding = padded(valid);
        nonZeroPadding[nonZeroPadding.length - 1] = 1;
        cases.put("non-zero padding", nonZeroPadding);
        byte[] invalidUtf8 = padded(valid);
        invalidUtf8[10] = (byte) 0xff;
        cases.put("invalid UTF-8", invalidUtf8);

        for (Map.Entry<String, byte[]> entry : cases.entrySet()) {
            String context = entry.getKey();
            Written objects = encode(entry.getValue());
            ReadOutcome production = objects.readProduction();
            IntegrityException productionFailure = assertInstanceOf(IntegrityException.class, production.failure(),
                    context + ": production");
            assertEquals(IntegrityException.class, productionFailure.getClass(), context + ": production, not unsupported");
            assertEquals(0, production.released().length, context + ": production released nothing");

            ReadOutcome independent = objects.readIndependent();
            ObjectRejectedException independentFailure = assertInstanceOf(ObjectRejectedException.class,
                    independent.failure(), context + ": independent");
            assertEquals(ObjectRejectedException.Kind.INTEGRITY, independentFailure.kind(), context + ": independent");
            assertEquals(0, independent.released().length, context + ": independent released nothing");
        }
    }

    /** Step 7 of "Reading an object": the last chunk stays back when the length or hash disagrees. */
    @Test
    void sizeOrHashMismatchWithholdsLastChunk() {
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("size one more", padded(valid.replace("\"size\":" + plaintext.length,
                "\"size\":" + (plaintext.length + 1))));
        cases.put("size one less", padded(valid.replace("\"size\":" + plaintext.length,
                "\"size\":" + (plaintext.length - 1))));
        cases.put("size of one chunk", padded(valid.replace("\"size\":" + plaintext.length, "\"size\":" + CHUNK)));
        cases.put("other sha256", padded(valid.replace(sha256, "0".repeat(64))));

        for (Map.Entry<String, byte[]> entry : cases.entrySet()) {
            Written objects = encode(entry.getValue());
            DamageRule.check(objects.readProduction(), IntegrityException.class, plaintext, 1,
                    () -> entry.getKey() + ": production");
            DamageRule.check(objects.readIndependent(), ObjectRejectedException.class, plaintext, 1,
                    () -> entry.getKey() + ": independent");
        }
    }

    private Written encode(byte[] paddedMetadata) {
        UUID documentId = UUID.randomUUID();
        byte[] documentKey = RandomDocuments.plaintext(random, 32);
        byte[] object = IndependentEncoder.encode(documentId, documentKey,
                IndependentEncoder.RandomValues.of(RandomDocuments.plaintext(random, 51)), paddedMetadata, plaintext);
        return new Written(documentId, documentKey, object);
    }

    private record Written(UUID documentId, byte[] documentKey, byte[] object) {

        ReadOutcome readProduction() {
            return ReadOutcome.production(documentId, documentKey, object, object.length);
        }

        ReadOutcome readIndependent() {
            return ReadOutcome.independent(documentId, documentKey, object, object.length);
        }

        ReadOutcome[] readBoth() {
            return new ReadOutcome[] {readProduction(), readIndependent()};
        }
    }
}
