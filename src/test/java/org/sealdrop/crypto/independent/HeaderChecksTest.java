package org.sealdrop.crypto.independent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sealdrop.crypto.IntegrityException;
import org.sealdrop.crypto.UnsupportedFormatException;
import org.sealdrop.crypto.independent.format.FormatV1;
import org.sealdrop.crypto.independent.format.ObjectRejectedException;

/**
 * Steps 1 to 4 of "Reading an object" in both readers: a wrong key, a wrong document id and a damaged
 * header field fail before any chunk, and only an unknown version or suite counts as unsupported.
 */
class HeaderChecksTest {

    private final long seed = System.nanoTime();
    private final Random random = new Random(seed);
    private final ProductionObjects.Sealed sealed = TamperObjects.seal(random, seed, UUID.randomUUID(),
            RandomDocuments.plaintext(random, 32), RandomDocuments.plaintext(random, 5000));

    @Test
    void wrongKeyFailsTheCommitment() {
        byte[] otherKey = RandomDocuments.plaintext(random, 32);
        ReadOutcome production = ReadOutcome.production(sealed.documentId(), otherKey, sealed.object(),
                sealed.object().length);
        assertEquals(IntegrityException.class, assertInstanceOf(IntegrityException.class, production.failure())
                .getClass(), "production, not unsupported");
        assertEquals(0, production.released().length, "production released nothing");

        ReadOutcome independent = ReadOutcome.independent(sealed.documentId(), otherKey, sealed.object(),
                sealed.object().length);
        ObjectRejectedException failure = assertInstanceOf(ObjectRejectedException.class, independent.failure());
        assertTrue(failure.getMessage().contains("key commitment"), failure.getMessage());
        assertEquals(0, independent.released().length, "independent released nothing");
    }

    @Test
    void otherDocumentIdFails() {
        UUID otherId = UUID.randomUUID();
        assertInstanceOf(IntegrityException.class, ReadOutcome.production(otherId, sealed.documentKey(),
                sealed.object(), sealed.object().length).failure(), "production");
        ObjectRejectedException failure = assertInstanceOf(ObjectRejectedException.class,
                ReadOutcome.independent(otherId, sealed.documentKey(), sealed.object(), sealed.object().length)
                        .failure());
        assertTrue(failure.getMessage().contains("instead of " + otherId), failure.getMessage());
    }

    @Test
    void unknownVersionOrSuiteIsUnsupported() {
        for (int offset : new int[] {FormatV1.VERSION_OFFSET, FormatV1.SUITE_OFFSET}) {
            byte[] altered = sealed.object().clone();
            altered[offset] = 2;
            String context = "byte " + offset + " set to 2";
            assertInstanceOf(UnsupportedFormatException.class, read(altered, true).failure(), context);
            assertEquals(ObjectRejectedException.Kind.UNSUPPORTED, independentFailure(altered, context).kind(), context);
        }
    }

    /** Header lengths outside 385 to 65536 or off the 256-byte steps, and a metadata length that disagrees. */
    @Test
    void invalidLengthFieldsAreIntegrityFailures() {
        int headerLength = sealed.headerLength();
        int[] headerLengths = {0, 384, headerLength - 1, headerLength + 1, headerLength + 255, 65537, 65409 + 256, -1};
        for (int value : headerLengths) {
            byte[] altered = sealed.object().clone();
            ByteBuffer.wrap(altered).putInt(FormatV1.HEADER_LENGTH_OFFSET, value);
            assertIntegrityFailure(altered, "header length " + Integer.toUnsignedString(value));
        }

        byte[] metadataLength = sealed.object().clone();
        ByteBuffer buffer = ByteBuffer.wrap(metadataLength);
        buffer.putInt(FormatV1.METADATA_LENGTH_OFFSET, buffer.getInt(FormatV1.METADATA_LENGTH_OFFSET) + 256);
        assertIntegrityFailure(metadataLength, "metadata length 256 too long");

        byte[] magic = sealed.object().clone();
        magic[0] = 'X';
        assertIntegrityFailure(magic, "magic XDRP");
    }

    private void assertIntegrityFailure(byte[] altered, String context) {
        IntegrityException failure = assertInstanceOf(IntegrityException.class, read(altered, true).failure(),
                context + ": production");
        assertEquals(IntegrityException.class, failure.getClass(), context + ": production, not unsupported");
        assertEquals(ObjectRejectedException.Kind.INTEGRITY, independentFailure(altered, context).kind(),
                context + ": independent");
    }

    private ReadOutcome read(byte[] altered, boolean production) {
        return production
                ? ReadOutcome.production(sealed.documentId(), sealed.documentKey(), altered, altered.length)
                : ReadOutcome.independent(sealed.documentId(), sealed.documentKey(), altered, altered.length);
    }

    private ObjectRejectedException independentFailure(byte[] altered, String context) {
        return assertInstanceOf(ObjectRejectedException.class, read(altered, false).failure(), context);
    }
}
