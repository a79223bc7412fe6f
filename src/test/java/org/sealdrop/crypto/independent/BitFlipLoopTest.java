package org.sealdrop.crypto.independent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sealdrop.crypto.IntegrityException;
import org.sealdrop.crypto.independent.format.FormatV1;
import org.sealdrop.crypto.independent.format.ObjectRejectedException;

/**
 * Single-bit flips fail in both readers, and neither releases plaintext of the chunk that holds the flip
 * or of any chunk after it.
 *
 * <p>The 1000-byte object has 11,208 bits. In three runs on the 2-core build machine (JDK 17.0.15, shared
 * with other builds), flipping each one took 2.5 to 2.9 s against the production reader and 1.5 to 3.6 s
 * against the independent one. The sampled flips in the three-chunk object took 1.1 to 1.7 s for both readers.
 */
class BitFlipLoopTest {

    private static final int SMALL_PLAINTEXT = 1000;
    /** Positions sampled per chunk of the three-chunk object, besides the 16 bytes at each end of a chunk. */
    private static final int RANDOM_POSITIONS_PER_CHUNK = 20;

    private final long seed = System.nanoTime();

    @Test
    void productionRejectsEveryBitFlip() {
        ProductionObjects.Sealed small = smallObject();
        assertEquals(8 * 1401, flipEveryBit(small, true), "bits flipped");
    }

    @Test
    void independentRejectsEveryBitFlip() {
        ProductionObjects.Sealed small = smallObject();
        assertEquals(8 * 1401, flipEveryBit(small, false), "bits flipped");
    }

    /** In a three-chunk object, flips in chunk k still let both readers release chunks before k. */
    @Test
    void flipsInLaterChunksReleaseOnlyEarlierChunks() {
        ProductionObjects.Sealed sealed = TamperObjects.threeChunks(seed, 0);
        Random random = new Random(seed);
        for (int bit : sampledBits(sealed, random)) {
            byte[] altered = sealed.object().clone();
            altered[bit / 8] ^= (byte) (1 << (bit % 8));
            int damaged = DamageRule.firstDamagedChunk(sealed.headerLength(), sealed.object().length, altered.length,
                    bit / 8);
            DamageRule.check(ReadOutcome.production(sealed.documentId(), sealed.documentKey(), altered, altered.length),
                    IntegrityException.class, sealed.plaintext(), damaged, () -> "production, bit " + bit + ", seed " + seed);
            DamageRule.check(ReadOutcome.independent(sealed.documentId(), sealed.documentKey(), altered, altered.length),
                    ObjectRejectedException.class, sealed.plaintext(), damaged,
                    () -> "independent, bit " + bit + ", seed " + seed);
        }
    }

    private ProductionObjects.Sealed smallObject() {
        Random random = new Random(seed);
        byte[] plaintext = RandomDocuments.plaintext(random, SMALL_PLAINTEXT);
        ProductionObjects.Sealed sealed = TamperObjects.seal(random, seed, UUID.randomUUID(),
                RandomDocuments.plaintext(random, 32), plaintext);
        assertEquals(1401, sealed.object().length, "a 385-byte header and one 1016-byte chunk");
        return sealed;
    }

    /** Flips every bit of the object in turn, reads it with one reader, and returns the number of cases. */
    private int flipEveryBit(ProductionObjects.Sealed sealed, boolean production) {
        byte[] altered = sealed.object().clone();
        int cases = 0;
        for (int bit = 0; bit < altered.length * 8; bit++) {
            int position = bit / 8;
            byte mask = (byte) (1 << (bit % 8));
            altered[position] ^= mask;
            ReadOutcome outcome = production
                    ? ReadOutcome.production(sealed.documentId(), sealed.documentKey(), altered, altered.length)
                    : ReadOutcome.independent(sealed.documentId(), sealed.documentKey(), altered, altered.length);
            altered[position] ^= mask;

            int flipped = bit;
            DamageRule.check(outcome, production ? IntegrityException.class : ObjectRejectedException.class,
                    sealed.plaintext(), 0, () -> "bit " + flipped + " (byte " + position + "), seed " + seed);
            cases++;
        }
        return cases;
    }

    /** Bits in the first and last 16 bytes of each chunk, which hold the start and the tag, and random others. */
    private static List<Integer> sampledBits(ProductionObjects.Sealed sealed, Random random) {
        List<Integer> bits = new ArrayList<>();
        for (int chunk = 0; chunk < 3; chunk++) {
            int start = sealed.headerLength() + chunk * FormatV1.CIPHERTEXT_CHUNK_SIZE;
            int end = start + FormatV1.CIPHERTEXT_CHUNK_SIZE;
            for (int i = 0; i < FormatV1.TAG_SIZE; i++) {
                bits.add((start + i) * 8 + random.nextInt(8));
                bits.add((end - 1 - i) * 8 + random.nextInt(8));
            }
            for (int i = 0; i < RANDOM_POSITIONS_PER_CHUNK; i++) {
                bits.add((start + random.nextInt(FormatV1.CIPHERTEXT_CHUNK_SIZE)) * 8 + random.nextInt(8));
            }
        }
        return bits;
    }
}
