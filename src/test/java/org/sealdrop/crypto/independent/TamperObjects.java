package org.sealdrop.crypto.independent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.sealdrop.crypto.DocumentMetadata;
import org.sealdrop.crypto.independent.format.FormatV1;

/** Production objects for the tamper loops, all reproducible from one seed. */
final class TamperObjects {

    private static final int CHUNK = FormatV1.CHUNK_SIZE;

    private TamperObjects() {
    }

    /**
     * Returns a three-chunk object whose plaintext is {@code lastChunkShortBy} bytes short of three full
     * chunks, with a 385-byte header.
     */
    static ProductionObjects.Sealed threeChunks(long seed, int lastChunkShortBy) {
        Random random = new Random(seed);
        byte[] plaintext = RandomDocuments.plaintext(random, 3 * CHUNK - lastChunkShortBy);
        return seal(random, seed, new UUID(random.nextLong(), random.nextLong()),
                RandomDocuments.plaintext(random, 32), plaintext);
    }

    /** Returns a second object of the same document, key and plaintext: same bytes in, new salt and nonces. */
    static ProductionObjects.Sealed rewrite(ProductionObjects.Sealed original, long seed) {
        return seal(new Random(seed), seed, original.documentId(), original.documentKey(), original.plaintext());
    }

    static ProductionObjects.Sealed seal(Random random, long seed, UUID documentId, byte[] documentKey,
            byte[] plaintext) {
        DocumentMetadata metadata = new DocumentMetadata("Befund.pdf", "application/pdf", plaintext.length,
                RandomDocuments.sha256Hex(plaintext), "MRN-004711", "dr.keller",
                Instant.ofEpochSecond(1_700_000_000L + random.nextInt(1_000_000)));
        return ProductionObjects.seal(documentId, documentKey, metadata, plaintext, FixedRandom.seeded(seed));
    }

    /** Returns the ciphertext chunks of an object, tags included. */
    static List<byte[]> chunks(ProductionObjects.Sealed sealed) {
        List<byte[]> chunks = new ArrayList<>();
        byte[] object = sealed.object();
        for (int start = sealed.headerLength(); start < object.length; start += FormatV1.CIPHERTEXT_CHUNK_SIZE) {
            chunks.add(Arrays.copyOfRange(object, start, Math.min(object.length, start + FormatV1.CIPHERTEXT_CHUNK_SIZE)));
        }
        return chunks;
    }

    static byte[] header(ProductionObjects.Sealed sealed) {
        return Arrays.copyOf(sealed.object(), sealed.headerLength());
    }
}
