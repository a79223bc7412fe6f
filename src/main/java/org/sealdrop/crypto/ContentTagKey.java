package org.sealdrop.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Key of the content tags that let the index find a document with equal content without storing its
 * SHA-256 in clear. A tag is HMAC-SHA-256 of the document's plaintext SHA-256 (the 32 raw bytes) under
 * a key derived with HKDF-SHA-256 from one vault key version: the vault key as input key material, the
 * 16 vault id bytes as salt and {@value #INFO_LABEL} as info.
 *
 * <p>Two tags under the same key are equal exactly when the contents are equal (up to SHA-256
 * collisions). Without the vault key a tag reveals nothing about the content, so a stolen index shows
 * which of its rows have equal content and nothing more. Tags under different vault key versions
 * never match, so callers compare tags of one {@link #vaultKeyVersion()} only.
 */
public final class ContentTagKey implements AutoCloseable {

    static final String INFO_LABEL = "SealDrop content tag v1";

    private final int vaultKeyVersion;
    private final SecretKeyBytes key;

    private ContentTagKey(int vaultKeyVersion, SecretKeyBytes key) {
        this.vaultKeyVersion = vaultKeyVersion;
        this.key = key;
    }

    /**
     * Derives the tag key of vault key version {@code vaultKeyVersion}. The caller keeps ownership of
     * {@code vaultKey}; close the result to zero the derived key.
     */
    public static ContentTagKey derive(UUID vaultId, int vaultKeyVersion, SecretKeyBytes vaultKey) {
        Objects.requireNonNull(vaultId, "vaultId");
        byte[] derived = Hkdf.derive(vaultKey.bytes(), Uuids.toBytes(vaultId),
                INFO_LABEL.getBytes(StandardCharsets.US_ASCII), SecretKeyBytes.LENGTH);
        try {
            return new ContentTagKey(vaultKeyVersion, SecretKeyBytes.copyOf(derived));
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    /** Vault key version this key was derived from. */
    public int vaultKeyVersion() {
        return vaultKeyVersion;
    }

    /**
     * Returns the 32-byte tag of the content whose SHA-256 is {@code sha256Hex}.
     *
     * @throws IllegalArgumentException if {@code sha256Hex} is not 64 hex digits
     * @throws IllegalStateException after {@link #close()}
     */
    public byte[] tag(String sha256Hex) {
        byte[] digest = HexFormat.of().parseHex(sha256Hex);
        if (digest.length != 32) {
            throw new IllegalArgumentException("A SHA-256 has 32 bytes, but " + digest.length + " were given.");
        }
        try {
            // NOTE: SecretKeySpec keeps its own copy of the key bytes, which cannot be wiped from here.
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
            return mac.doFinal(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime lacks HmacSHA256; install a complete JDK 17.", e);
        }
    }

    @Override
    public void close() {
        key.close();
    }
}
