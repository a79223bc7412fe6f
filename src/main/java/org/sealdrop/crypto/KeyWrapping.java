package org.sealdrop.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

import javax.crypto.AEADBadTagException;

/**
 * AES-256-GCM key wrapping (docs/FORMAT.md, "Wrapped keys").
 *
 * <p>A wrapped document key travels outside the object (in the index and in the object's S3
 * metadata), so rotating the vault key rewrites only these 65 bytes:
 * {@code 0x01 | uint32 vault key version | nonce (12) | encrypted key (32) | tag (16)}, with associated
 * data {@code "SealDrop document key v1" | document id (16) | uint32 vault key version}. Binding the id
 * stops a wrapped key from being moved to another document; binding the version stops it from being
 * relabelled to another vault key.
 */
public final class KeyWrapping {

    public static final int WRAP_FORMAT_VERSION = 1;
    /** Length of a wrapped document key. */
    public static final int WRAPPED_DOCUMENT_KEY_LENGTH =
            1 + Integer.BYTES + ObjectFormat.NONCE_SIZE + SecretKeyBytes.LENGTH + ObjectFormat.TAG_SIZE;  // 65
    /** Length of a key wrapped with {@link #wrap}: {@code 0x01 | nonce (12) | encrypted key (32) | tag (16)}. */
    public static final int WRAPPED_KEY_LENGTH =
            1 + ObjectFormat.NONCE_SIZE + SecretKeyBytes.LENGTH + ObjectFormat.TAG_SIZE;  // 61

    static final String DOCUMENT_KEY_LABEL = "SealDrop document key v1";

    private KeyWrapping() {
    }

    /**
     * Wraps {@code documentKey} under vault key version {@code vaultKeyVersion}. {@code random}
     * supplies the 12-byte nonce.
     *
     * @throws IllegalArgumentException if {@code vaultKeyVersion} is negative
     */
    public static byte[] wrapDocumentKey(SecretKeyBytes vaultKey, int vaultKeyVersion, UUID documentId,
            SecretKeyBytes documentKey, SecureRandom random) {
        Objects.requireNonNull(documentId, "documentId");
        if (vaultKeyVersion < 0) {
            throw new IllegalArgumentException("A vault key version must not be negative, but was " + vaultKeyVersion + ".");
        }

        byte[] nonce = new byte[ObjectFormat.NONCE_SIZE];
        random.nextBytes(nonce);
        byte[] sealed = AesGcm.encrypt(vaultKey, nonce, documentKeyAssociatedData(documentId, vaultKeyVersion),
                documentKey.bytes());
        return ByteBuffer.allocate(WRAPPED_DOCUMENT_KEY_LENGTH)
                .put((byte) WRAP_FORMAT_VERSION)
                .putInt(vaultKeyVersion)
                .put(nonce)
                .put(sealed)
                .array();
    }

    /**
     * Returns the vault key version a wrapped document key names, so the caller can pick that key.
     * The value is not authenticated until {@link #unwrapDocumentKey} succeeds.
     *
     * @throws IntegrityException when {@code wrappedKey} has the wrong length
     * @throws UnsupportedFormatException when its wrap format version is unknown
     */
    public static int vaultKeyVersionOf(byte[] wrappedKey) {
        checkWrapped(wrappedKey, WRAPPED_DOCUMENT_KEY_LENGTH, "wrapped document key");
        return ByteBuffer.wrap(wrappedKey).getInt(1);
    }

    /**
     * Unwraps a document key with the vault key of the version it names.
     *
     * @throws IntegrityException when the vault key, the document id or any byte does not match
     * @throws UnsupportedFormatException when the wrap format version is unknown
     */
    public static SecretKeyBytes unwrapDocumentKey(SecretKeyBytes vaultKey, UUID documentId, byte[] wrappedKey) {
        Objects.requireNonNull(documentId, "documentId");
        int version = vaultKeyVersionOf(wrappedKey);
        byte[] nonce = Arrays.copyOfRange(wrappedKey, 1 + Integer.BYTES, 1 + Integer.BYTES + ObjectFormat.NONCE_SIZE);
        byte[] sealed = Arrays.copyOfRange(wrappedKey, 1 + Integer.BYTES + ObjectFormat.NONCE_SIZE, wrappedKey.length);
        try {
            return unseal(vaultKey, nonce, documentKeyAssociatedData(documentId, version), sealed);
        } catch (AEADBadTagException e) {
            throw IntegrityException.forDocument(documentId, "its wrapped key does not verify under vault key version "
                    + version, e);
        }
    }

    /**
     * Wraps {@code key} under {@code kek}, such as a vault key under a passphrase-derived key. The
     * caller chooses {@code associatedData} to bind the context, for example the key file's version
     * and Argon2 parameters. {@code random} supplies the 12-byte nonce.
     */
    public static byte[] wrap(SecretKeyBytes kek, SecretKeyBytes key, byte[] associatedData, SecureRandom random) {
        Objects.requireNonNull(associatedData, "associatedData");
        byte[] nonce = new byte[ObjectFormat.NONCE_SIZE];
        random.nextBytes(nonce);
        byte[] sealed = AesGcm.encrypt(kek, nonce, associatedData, key.bytes());
        return ByteBuffer.allocate(WRAPPED_KEY_LENGTH)
                .put((byte) WRAP_FORMAT_VERSION)
                .put(nonce)
                .put(sealed)
                .array();
    }

    /**
     * Unwraps a key wrapped with {@link #wrap}. A wrong passphrase shows up here as an
     * {@link IntegrityException}; the caller turns it into its own message.
     *
     * @throws IntegrityException when the key, the associated data or any byte does not match
     * @throws UnsupportedFormatException when the wrap format version is unknown
     */
    public static SecretKeyBytes unwrap(SecretKeyBytes kek, byte[] wrapped, byte[] associatedData) {
        Objects.requireNonNull(associatedData, "associatedData");
        checkWrapped(wrapped, WRAPPED_KEY_LENGTH, "wrapped key");
        byte[] nonce = Arrays.copyOfRange(wrapped, 1, 1 + ObjectFormat.NONCE_SIZE);
        byte[] sealed = Arrays.copyOfRange(wrapped, 1 + ObjectFormat.NONCE_SIZE, wrapped.length);
        try {
            return unseal(kek, nonce, associatedData, sealed);
        } catch (AEADBadTagException e) {
            throw new IntegrityException("The wrapped key does not verify under the given key, so the key or "
                    + "passphrase is wrong or the key file was altered: check the passphrase and try again.", e);
        }
    }

    static byte[] documentKeyAssociatedData(UUID documentId, int vaultKeyVersion) {
        byte[] label = DOCUMENT_KEY_LABEL.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(label.length + ObjectFormat.DOCUMENT_ID_SIZE + Integer.BYTES)
                .put(label)
                .put(Uuids.toBytes(documentId))
                .putInt(vaultKeyVersion)
                .array();
    }

    private static SecretKeyBytes unseal(SecretKeyBytes kek, byte[] nonce, byte[] associatedData, byte[] sealed)
            throws AEADBadTagException {
        byte[] key = AesGcm.decrypt(kek, nonce, associatedData, sealed);
        try {
            return SecretKeyBytes.copyOf(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static void checkWrapped(byte[] wrapped, int expectedLength, String what) {
        Objects.requireNonNull(wrapped, what);
        if (wrapped.length > 0 && Byte.toUnsignedInt(wrapped[0]) != WRAP_FORMAT_VERSION) {
            throw new UnsupportedFormatException(what + " format version", Byte.toUnsignedInt(wrapped[0]));
        }
        if (wrapped.length != expectedLength) {
            throw new IntegrityException("The " + what + " has " + wrapped.length + " bytes instead of "
                    + expectedLength + ", so it was damaged: restore it from the bucket or report it to IT.");
        }
    }
}
