package org.sealdrop.vault;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.sealdrop.SealDropException;
import org.sealdrop.crypto.ContentTagKey;
import org.sealdrop.crypto.KeyWrapping;
import org.sealdrop.crypto.SecretKeyBytes;

/**
 * The unlocked vault: every vault key version in memory. {@link #close()} zeroes them; after that
 * every accessor throws, so a locked vault cannot be used by mistake.
 */
public final class VaultKeys implements AutoCloseable {

    private static final byte[] KEY_FILE_LABEL = "SealDrop key file v1".getBytes(StandardCharsets.US_ASCII);

    private final UUID vaultId;
    private final TreeMap<Integer, SecretKeyBytes> keysByVersion;

    VaultKeys(UUID vaultId, Map<Integer, SecretKeyBytes> keysByVersion) {
        this.vaultId = vaultId;
        this.keysByVersion = new TreeMap<>(keysByVersion);
    }

    public UUID vaultId() {
        return vaultId;
    }

    /** Version of the key that wraps new document keys. */
    public synchronized int currentVersion() {
        requireOpen();
        return keysByVersion.lastKey();
    }

    public synchronized SecretKeyBytes current() {
        requireOpen();
        return keysByVersion.lastEntry().getValue();
    }

    /** The key of {@code version}; fails when the key file no longer has that version. */
    public synchronized SecretKeyBytes version(int version) {
        requireOpen();
        SecretKeyBytes key = keysByVersion.get(version);
        if (key == null) {
            throw new SealDropException("SD-KEY-VERSION", "The document needs vault key version " + version
                    + ", which this key file does not have; fetch the newest key file from the bucket with `sealdrop init`.");
        }
        return key;
    }

    /**
     * Wraps {@code documentKey} under the current vault key version. The wrap runs while this object's
     * lock is held, so a concurrent {@link #close()} waits for it instead of zeroing the vault key
     * halfway through, which would leave a document wrapped under a wrong key.
     *
     * @return the wrapped key, which names the vault key version it was wrapped under
     * @throws VaultLockedException after {@link #close()}
     */
    public synchronized byte[] wrapDocumentKey(UUID documentId, SecretKeyBytes documentKey, SecureRandom random) {
        requireOpen();
        return KeyWrapping.wrapDocumentKey(current(), currentVersion(), documentId, documentKey, random);
    }

    /**
     * Unwraps a document key with the vault key version it names, holding this object's lock like
     * {@link #wrapDocumentKey}. A lock at the same moment therefore either waits for the unwrap or
     * makes it fail with {@link VaultLockedException}, never with an integrity failure.
     *
     * @throws VaultLockedException after {@link #close()}
     * @throws org.sealdrop.crypto.IntegrityException when the wrapped key does not verify
     * @throws SealDropException with code {@code SD-KEY-VERSION} when the key file lacks the version
     */
    public synchronized SecretKeyBytes unwrapDocumentKey(UUID documentId, byte[] wrappedKey) {
        requireOpen();
        return KeyWrapping.unwrapDocumentKey(version(KeyWrapping.vaultKeyVersionOf(wrappedKey)), documentId, wrappedKey);
    }

    /**
     * Derives the content tag key of the current vault key version, holding this object's lock like
     * {@link #wrapDocumentKey} so that a lock cannot zero the vault key halfway through.
     *
     * @throws VaultLockedException after {@link #close()}
     */
    public synchronized ContentTagKey contentTagKey() {
        requireOpen();
        return ContentTagKey.derive(vaultId, currentVersion(), current());
    }

    /** Returns the versions in memory, oldest first. */
    public synchronized List<Integer> versions() {
        requireOpen();
        return List.copyOf(keysByVersion.keySet());
    }

    /** Returns whether version {@code version} is held. */
    public synchronized boolean hasVersion(int version) {
        requireOpen();
        return keysByVersion.containsKey(version);
    }

    /**
     * Returns new keys with copies of these versions plus {@code newKey} as version {@code newVersion},
     * which the result owns. Closing either object leaves the other intact.
     */
    synchronized VaultKeys copyWith(int newVersion, SecretKeyBytes newKey) {
        requireOpen();
        Map<Integer, SecretKeyBytes> copies = new TreeMap<>();
        keysByVersion.forEach((version, key) -> copies.put(version, SecretKeyBytes.copyOf(key.bytes())));
        copies.put(newVersion, newKey);
        return new VaultKeys(vaultId, copies);
    }

    public synchronized boolean isClosed() {
        return keysByVersion.isEmpty();
    }

    @Override
    public synchronized void close() {
        keysByVersion.values().forEach(SecretKeyBytes::close);
        keysByVersion.clear();
    }

    /** Associated data of a vault key wrap: label, vault id and key version, so a wrap cannot move between them. */
    static byte[] keyFileAad(UUID vaultId, int keyVersion) {
        return ByteBuffer.allocate(KEY_FILE_LABEL.length + 16 + 4)
                .put(KEY_FILE_LABEL)
                .putLong(vaultId.getMostSignificantBits())
                .putLong(vaultId.getLeastSignificantBits())
                .putInt(keyVersion)
                .array();
    }

    private void requireOpen() {
        if (keysByVersion.isEmpty()) {
            throw new VaultLockedException();
        }
    }
}
