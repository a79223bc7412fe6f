package org.sealdrop.crypto.independent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sealdrop.crypto.DocumentMetadata;
import org.sealdrop.crypto.ObjectDecryptor;
import org.sealdrop.crypto.SecretKeyBytes;
import org.sealdrop.crypto.independent.format.IndependentDecoder;
import org.sealdrop.crypto.independent.format.IndependentEncoder;
import org.sealdrop.crypto.independent.format.OpenedObject;
import org.sealdrop.crypto.independent.format.SpecMetadata;

/**
 * The production and the independent implementation read each other's objects: at the chunk boundaries,
 * at random sizes up to 1 MiB, and with random metadata. Every message names the seed of its case.
 */
class CrossImplementationTest {

    private static final int CHUNK = 65536;
    private static final int RANDOM_SIZES = 4;
    private static final int RANDOM_BYTES_PER_OBJECT = 51;

    private final long seed = System.nanoTime();

    /** Sizes around each chunk boundary, then a few random sizes up to 1 MiB. */
    private List<Integer> sizes() {
        List<Integer> sizes = new ArrayList<>(List.of(0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 1));
        Random random = new Random(seed);
        for (int i = 0; i < RANDOM_SIZES; i++) {
            sizes.add(random.nextInt((1 << 20) + 1));
        }
        return sizes;
    }

    @Test
    void productionObjectsDecodeIndependently() {
        for (int size : sizes()) {
            long caseSeed = seed + size;
            ProductionObjects.Sealed sealed = sealWithProduction(caseSeed, size);
            String context = "size " + size + ", seed " + caseSeed;

            ByteArrayInputStream in = new ByteArrayInputStream(sealed.object());
            try (OpenedObject opened = IndependentDecoder.open(sealed.documentId(), sealed.documentKey(), in)) {
                assertEquals(RandomDocuments.toSpec(sealed.metadata()), opened.metadata(), context + ": metadata");
                assertArrayEquals(sealed.plaintext(), opened.decryptChunks(in), context + ": plaintext");
            }

            ProductionRead production = readWithProduction(sealed.documentId(), sealed.documentKey(), sealed.object());
            assertEquals(sealed.metadata(), production.metadata(), context + ": production metadata");
            assertArrayEquals(sealed.plaintext(), production.plaintext(), context + ": production plaintext");
        }
    }

    @Test
    void independentObjectsDecodeInProduction() {
        for (int size : sizes()) {
            long caseSeed = seed + size;
            Random random = new Random(caseSeed);
            UUID documentId = new UUID(random.nextLong(), random.nextLong());
            byte[] documentKey = RandomDocuments.plaintext(random, 32);
            byte[] plaintext = RandomDocuments.plaintext(random, size);
            DocumentMetadata metadata = RandomDocuments.metadata(random, plaintext);
            byte[] object = IndependentEncoder.encode(documentId, documentKey,
                    IndependentEncoder.RandomValues.of(RandomDocuments.plaintext(random, RANDOM_BYTES_PER_OBJECT)),
                    SpecMetadata.pad(RandomDocuments.toSpec(metadata).toJson()), plaintext);
            String context = "size " + size + ", seed " + caseSeed;

            ProductionRead production = readWithProduction(documentId, documentKey, object);
            assertEquals(metadata, production.metadata(), context + ": metadata");
            assertArrayEquals(plaintext, production.plaintext(), context + ": plaintext");
        }
    }

    /**
     * With the same "random" values, the two writers produce the same bytes, so nothing in the production
     * format is left to a choice that the page does not describe.
     */
    @Test
    void bothEncodersWriteIdenticalBytes() {
        for (int size : sizes()) {
            long caseSeed = seed + size;
            ProductionObjects.Sealed sealed = sealWithProduction(caseSeed, size);

            byte[] independent = IndependentEncoder.encode(sealed.documentId(), sealed.documentKey(),
                    FixedRandom.drawRandomValues(FixedRandom.seeded(caseSeed)),
                    SpecMetadata.pad(RandomDocuments.toSpec(sealed.metadata()).toJson()), sealed.plaintext());

            assertArrayEquals(sealed.object(), independent, "size " + size + ", seed " + caseSeed);
        }
    }

    @Test
    void readersAcceptLargestMetadata() {
        Random random = new Random(seed);
        byte[] plaintext = RandomDocuments.plaintext(random, 10);
        // 65280 padded bytes is the most a header holds: the JSON around the name takes about 240 of them.
        String name = "é".repeat((65280 - 300) / 2);
        DocumentMetadata metadata = new DocumentMetadata(name, "application/pdf", plaintext.length,
                RandomDocuments.sha256Hex(plaintext), null, "dr.keller", java.time.Instant.EPOCH);
        ProductionObjects.Sealed sealed = ProductionObjects.seal(UUID.randomUUID(),
                RandomDocuments.plaintext(random, 32), metadata, plaintext, FixedRandom.seeded(seed));
        assertEquals(65409, sealed.headerLength(), "header length of the largest metadata");

        ReadOutcome outcome = ReadOutcome.independent(sealed.documentId(), sealed.documentKey(), sealed.object(),
                sealed.object().length);
        assertNull(outcome.failure(), "independent reader");
        assertArrayEquals(plaintext, outcome.released(), "independent reader");
        ProductionRead production = readWithProduction(sealed.documentId(), sealed.documentKey(), sealed.object());
        assertEquals(metadata, production.metadata(), "production reader");
    }

    private static ProductionObjects.Sealed sealWithProduction(long caseSeed, int size) {
        Random random = new Random(caseSeed);
        UUID documentId = new UUID(random.nextLong(), random.nextLong());
        byte[] documentKey = RandomDocuments.plaintext(random, 32);
        byte[] plaintext = RandomDocuments.plaintext(random, size);
        DocumentMetadata metadata = RandomDocuments.metadata(random, plaintext);
        return ProductionObjects.seal(documentId, documentKey, metadata, plaintext, FixedRandom.seeded(caseSeed));
    }

    private record ProductionRead(DocumentMetadata metadata, byte[] plaintext) {
    }

    private static ProductionRead readWithProduction(UUID documentId, byte[] documentKey, byte[] object) {
        InputStream in = new ByteArrayInputStream(object);
        try (SecretKeyBytes key = SecretKeyBytes.copyOf(documentKey);
                ObjectDecryptor decryptor = ObjectDecryptor.open(documentId, key, in);
                InputStream plaintext = decryptor.decrypt(in)) {
            return new ProductionRead(decryptor.metadata(), plaintext.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
