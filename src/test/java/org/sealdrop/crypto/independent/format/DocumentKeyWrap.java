package org.sealdrop.crypto.independent.format;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * Wrapped document keys as "Wrapped keys" in docs/FORMAT.md defines them:
 * {@code 0x01 || uint32 vault key version || nonce (12) || AES-256-GCM(document key) || tag}, with
 * associated data {@code "SealDrop document key v1" || document id || uint32 vault key version}.
 */
public final class DocumentKeyWrap {

    private static final int VERSION_OFFSET = 1;
    private static final int NONCE_OFFSET = VERSION_OFFSET + 4;
    private static final int CIPHERTEXT_OFFSET = NONCE_OFFSET + FormatV1.NONCE_SIZE;

    private DocumentKeyWrap() {
    }

    /**
     * Wraps {@code documentKey} under {@code vaultKey} with the given 12-byte nonce.
     *
     * @throws IllegalArgumentException when a key or the nonce has the wrong length or the version is
     *         outside uint32
     */
    public static byte[] wrap(byte[] vaultKey, long vaultKeyVersion, UUID documentId, byte[] documentKey,
            byte[] nonce) {
        if (documentKey.length != FormatV1.KEY_SIZE || nonce.length != FormatV1.NONCE_SIZE) {
            throw new IllegalArgumentException("A document key has 32 bytes and a nonce 12.");
        }
        byte[] sealed = BcPrimitives.encrypt(vaultKey, nonce, associatedData(documentId, vaultKeyVersion),
                documentKey, 0, documentKey.length);
        return ByteBuffer.allocate(FormatV1.WRAPPED_DOCUMENT_KEY_LENGTH)
                .put((byte) FormatV1.WRAP_FORMAT_VERSION)
                .putInt((int) vaultKeyVersion)
                .put(nonce)
                .put(sealed)
                .array();
    }

    /**
     * Returns the vault key version that a wrapped key names. It is not authenticated until
     * {@link #unwrap} succeeds.
     *
     * @throws ObjectRejectedException INTEGRITY for a wrong length, UNSUPPORTED for an unknown wrap version
     */
    public static long vaultKeyVersionOf(byte[] wrapped) {
        if (wrapped.length != FormatV1.WRAPPED_DOCUMENT_KEY_LENGTH) {
            throw ObjectRejectedException.integrity("a wrapped document key has 65 bytes, not " + wrapped.length);
        }
        if ((wrapped[0] & 0xff) != FormatV1.WRAP_FORMAT_VERSION) {
            throw ObjectRejectedException.unsupported("wrap format version " + (wrapped[0] & 0xff) + " is unknown");
        }
        return Integer.toUnsignedLong(ByteBuffer.wrap(wrapped, VERSION_OFFSET, 4).getInt());
    }

    /**
     * Returns the document key wrapped in {@code wrapped}; the caller wipes it.
     *
     * @throws ObjectRejectedException INTEGRITY when the vault key, document id, version or any byte does
     *         not match, UNSUPPORTED for an unknown wrap version
     */
    public static byte[] unwrap(byte[] vaultKey, UUID documentId, byte[] wrapped) {
        long version = vaultKeyVersionOf(wrapped);
        byte[] nonce = Arrays.copyOfRange(wrapped, NONCE_OFFSET, CIPHERTEXT_OFFSET);
        byte[] documentKey = new byte[wrapped.length - CIPHERTEXT_OFFSET];
        int length = BcPrimitives.decrypt(vaultKey, nonce, associatedData(documentId, version), wrapped,
                CIPHERTEXT_OFFSET, wrapped.length - CIPHERTEXT_OFFSET, documentKey, "the wrapped document key");
        byte[] key = Arrays.copyOf(documentKey, length);
        Arrays.fill(documentKey, (byte) 0);
        return key;
    }

    private static byte[] associatedData(UUID documentId, long vaultKeyVersion) {
        if (vaultKeyVersion < 0 || vaultKeyVersion > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("A vault key version is a uint32, not " + vaultKeyVersion + ".");
        }
        byte[] label = FormatV1.DOCUMENT_KEY_LABEL.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(label.length + FormatV1.DOCUMENT_ID_SIZE + 4)
                .put(label)
                .put(SpecHeader.idBytes(documentId))
                .putInt((int) vaultKeyVersion)
                .array();
    }
}
