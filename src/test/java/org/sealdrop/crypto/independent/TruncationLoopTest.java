package org.sealdrop.crypto.independent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.sealdrop.crypto.IntegrityException;
import org.sealdrop.crypto.independent.format.FormatV1;
import org.sealdrop.crypto.independent.format.ObjectRejectedException;

/**
 * Truncations of a three-chunk object (196,708 bytes: a 385-byte header, two full chunks and a last
 * chunk 333 bytes short) fail in both readers, which release only whole chunks verified before the cut.
 *
 * <p>Every length from 0 to the full length minus one (196,708 cases) took 42 s against the production
 * reader alone on the 2-core build machine (JDK 17.0.15, one run), because each case decrypts the chunks
 * before the cut again. So the loops take every length within 64 bytes of a boundary, plus every 97th
 * length elsewhere: 2,651 cases. The boundaries are the start, the end of the first 10 header bytes, the
 * start of the encrypted metadata, the end of the header, the end of each chunk and the object's end.
 *
 * <p>In three runs on the same machine, shared with other builds, the sampled loops took 0.9 to 2.5 s
 * against the production reader and 8.7 to 13 s against the independent one, whose Bouncy Castle GCM
 * (about 50 to 70 MB/s there) is much slower than the JDK's.
 */
class TruncationLoopTest {

    private static final int NEAR = 64;
    private static final int STRIDE = 97;
    private static final int LAST_CHUNK_SHORT_BY = 333;

    private final long seed = System.nanoTime();
    private final ProductionObjects.Sealed sealed = TamperObjects.threeChunks(seed, LAST_CHUNK_SHORT_BY);

    @Test
    void objectUnderTestIsIntact() {
        assertEquals(196_708, sealed.object().length, "object length");
        assertNull(ReadOutcome.production(sealed.documentId(), sealed.documentKey(), sealed.object(),
                sealed.object().length).failure(), "production reader");
        assertNull(ReadOutcome.independent(sealed.documentId(), sealed.documentKey(), sealed.object(),
                sealed.object().length).failure(), "independent reader");
    }

    @Test
    void productionRejectsTruncations() {
        int cases = loop(true);
        assertEquals(2651, cases, "truncation lengths tried");
    }

    @Test
    void independentRejectsTruncations() {
        int cases = loop(false);
        assertEquals(2651, cases, "truncation lengths tried");
    }

    private boolean isSampled(int length) {
        int headerLength = sealed.headerLength();
        int[] boundaries = {
            0, FormatV1.PREAMBLE_LENGTH, FormatV1.METADATA_OFFSET, headerLength,
            headerLength + FormatV1.CIPHERTEXT_CHUNK_SIZE, headerLength + 2 * FormatV1.CIPHERTEXT_CHUNK_SIZE,
            sealed.object().length,
        };
        for (int boundary : boundaries) {
            if (Math.abs(length - boundary) <= NEAR) {
                return true;
            }
        }
        return length % STRIDE == 0;
    }

    /** Reads every sampled truncation with one reader and returns the number of cases. */
    private int loop(boolean production) {
        byte[] object = sealed.object();
        int cases = 0;
        for (int length = 0; length < object.length; length++) {
            if (!isSampled(length)) {
                continue;
            }
            int damaged = DamageRule.firstDamagedChunk(sealed.headerLength(), object.length, length, length);
            ReadOutcome outcome = production
                    ? ReadOutcome.production(sealed.documentId(), sealed.documentKey(), object, length)
                    : ReadOutcome.independent(sealed.documentId(), sealed.documentKey(), object, length);
            int truncated = length;
            DamageRule.check(outcome, production ? IntegrityException.class : ObjectRejectedException.class,
                    sealed.plaintext(), damaged, () -> "truncation to " + truncated + " bytes, seed " + seed);
            cases++;
        }
        return cases;
    }
}
