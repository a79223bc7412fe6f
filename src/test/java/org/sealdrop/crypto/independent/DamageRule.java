package org.sealdrop.crypto.independent;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.function.Supplier;

import org.sealdrop.crypto.independent.format.FormatV1;

/**
 * The rule every tamper loop holds a reader to: a damaged object raises the reader's integrity exception,
 * and the reader released at most the whole chunks before the first damaged one, equal to the original
 * plaintext.
 */
final class DamageRule {

    private static final int CHUNK = FormatV1.CHUNK_SIZE;
    private static final int CIPHERTEXT_CHUNK = FormatV1.CIPHERTEXT_CHUNK_SIZE;

    private DamageRule() {
    }

    /**
     * Returns the index of the first chunk, as a reader cuts the stream into 65552-byte pieces, that
     * differs from the original object, given the first offset where the two differ. A piece whose bytes
     * are intact still counts as damaged when it ends exactly where one of the two objects ends, because
     * a reader then reads it with the other last-chunk flag. Damage in the header counts as chunk 0.
     *
     * @param mismatch first offset where the objects differ, or the shorter length when one is a prefix
     */
    static int firstDamagedChunk(int headerLength, int originalLength, int alteredLength, int mismatch) {
        if (mismatch < headerLength) {
            return 0;
        }
        int body = mismatch - headerLength;
        int chunk = body / CIPHERTEXT_CHUNK;
        boolean atBoundary = body % CIPHERTEXT_CHUNK == 0;
        boolean oneEndsHere = mismatch == alteredLength || mismatch == originalLength;
        if (atBoundary && oneEndsHere && chunk > 0) {
            chunk--;
        }
        return chunk;
    }

    /** Returns {@link #firstDamagedChunk} for two whole objects. */
    static int firstDamagedChunk(int headerLength, byte[] original, byte[] altered) {
        int mismatch = Arrays.mismatch(original, altered);
        if (mismatch < 0) {
            throw new IllegalArgumentException("The altered object equals the original.");
        }
        return firstDamagedChunk(headerLength, original.length, altered.length, mismatch);
    }

    /**
     * Fails the test unless {@code outcome} failed with {@code expected} and released at most
     * {@code damagedChunk} whole chunks of {@code plaintext}. The case text is built only on failure, so
     * loops of 100,000 cases stay cheap.
     */
    static void check(ReadOutcome outcome, Class<? extends RuntimeException> expected, byte[] plaintext,
            int damagedChunk, Supplier<String> tamperCase) {
        if (outcome.failure() == null) {
            fail(tamperCase.get() + ": the reader accepted the damaged object");
        }
        if (!expected.isInstance(outcome.failure())) {
            throw new AssertionError(tamperCase.get() + ": expected " + expected.getSimpleName() + " but got "
                    + outcome.failure(), outcome.failure());
        }
        byte[] released = outcome.released();
        long allowed = (long) damagedChunk * CHUNK;
        if (released.length > allowed) {
            fail(tamperCase.get() + ": released " + released.length + " bytes, more than the " + damagedChunk
                    + " whole chunks before the damage");
        }
        if (!Arrays.equals(released, 0, released.length, plaintext, 0, released.length)) {
            fail(tamperCase.get() + ": released bytes differ from the plaintext");
        }
    }
}
