package org.sealdrop.crypto.independent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sealdrop.crypto.IntegrityException;
import org.sealdrop.crypto.KeyWrapping;
import org.sealdrop.crypto.SecretKeyBytes;
import org.sealdrop.crypto.independent.format.DocumentKeyWrap;
import org.sealdrop.crypto.independent.format.ObjectRejectedException;

/** Wrapped document keys cross between the production and the independent implementation. */
class KeyWrapCrossTest {

    private static final int[] VERSIONS = {0, 1, 3, 255, 65536, Integer.MAX_VALUE};

    private final long seed = System.nanoTime();
    private final Random random = new Random(seed);

    private byte[] randomKey() {
        return RandomDocuments.plaintext(random, 32);
    }

    @Test
    void productionWrapUnwrapsIndependently() {
        for (int version : VERSIONS) {
            byte[] vaultKey = randomKey();
            byte[] documentKey = randomKey();
            UUID documentId = new UUID(random.nextLong(), random.nextLong());
            byte[] wrapped;
            try (SecretKeyBytes vault = SecretKeyBytes.copyOf(vaultKey);
                    SecretKeyBytes document = SecretKeyBytes.copyOf(documentKey)) {
                wrapped = KeyWrapping.wrapDocumentKey(vault, version, documentId, document, FixedRandom.seeded(seed));
            }

            String context = "version " + version + ", seed " + seed;
            assertEquals(version, DocumentKeyWrap.vaultKeyVersionOf(wrapped), context);
            assertArrayEquals(documentKey, DocumentKeyWrap.unwrap(vaultKey, documentId, wrapped), context);
        }
    }

    @Test
    void independentWrapUnwrapsInProduction() {
        for (int version : VERSIONS) {
            byte[] vaultKey = randomKey();
            byte[] documentKey = randomKey();
            UUID documentId = new UUID(random.nextLong(), random.nextLong());
            byte[] wrapped = DocumentKeyWrap.wrap(vaultKey, version, documentId, documentKey,
                    RandomDocuments.plaintext(random, 12));

            try (SecretKeyBytes vault = SecretKeyBytes.copyOf(vaultKey);
                    SecretKeyBytes unwrapped = KeyWrapping.unwrapDocumentKey(vault, documentId, wrapped)) {
                assertArrayEquals(documentKey, unwrapped.bytes(), "version " + version + ", seed " + seed);
            }
        }
    }

    /** Every single-bit flip of a wrapped key fails in both implementations. */
    @Test
    void everyBitFlipFailsInBoth() {
        byte[] vaultKey = randomKey();
        UUID documentId = UUID.randomUUID();
        byte[] wrapped = DocumentKeyWrap.wrap(vaultKey, 7, documentId, randomKey(), RandomDocuments.plaintext(random, 12));

        try (SecretKeyBytes vault = SecretKeyBytes.copyOf(vaultKey)) {
            for (int bit = 0; bit < wrapped.length * 8; bit++) {
                byte[] altered = wrapped.clone();
                altered[bit / 8] ^= (byte) (1 << (bit % 8));
                String context = "bit " + bit;
                assertThrows(ObjectRejectedException.class, () -> DocumentKeyWrap.unwrap(vaultKey, documentId, altered),
                        context);
                assertThrows(IntegrityException.class, () -> KeyWrapping.unwrapDocumentKey(vault, documentId, altered),
                        context);
            }
        }
    }

    @Test
    void unwrapRejectsWrongBinding() {
        byte[] vaultKey = randomKey();
        UUID documentId = UUID.randomUUID();
        byte[] wrapped = DocumentKeyWrap.wrap(vaultKey, 7, documentId, randomKey(), RandomDocuments.plaintext(random, 12));

        ObjectRejectedException otherDocument = assertThrows(ObjectRejectedException.class,
                () -> DocumentKeyWrap.unwrap(vaultKey, UUID.randomUUID(), wrapped));
        assertEquals(ObjectRejectedException.Kind.INTEGRITY, otherDocument.kind());
        assertThrows(ObjectRejectedException.class, () -> DocumentKeyWrap.unwrap(randomKey(), documentId, wrapped));

        byte[] relabelled = wrapped.clone();
        relabelled[4] = 8;
        assertThrows(ObjectRejectedException.class, () -> DocumentKeyWrap.unwrap(vaultKey, documentId, relabelled));

        byte[] newerFormat = wrapped.clone();
        newerFormat[0] = 2;
        ObjectRejectedException unsupported = assertThrows(ObjectRejectedException.class,
                () -> DocumentKeyWrap.unwrap(vaultKey, documentId, newerFormat));
        assertEquals(ObjectRejectedException.Kind.UNSUPPORTED, unsupported.kind());
    }
}
