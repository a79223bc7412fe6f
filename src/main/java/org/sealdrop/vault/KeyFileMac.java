package org.sealdrop.vault;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.sealdrop.crypto.Hkdf;
import org.sealdrop.crypto.SecretKeyBytes;

/**
 * The MAC of a key file: HMAC-SHA-256 under a key derived from the newest vault key, over a binary
 * encoding of every field but the MAC itself (docs/FORMAT.md, "Key file MAC").
 *
 * <p>The wraps already authenticate each vault key, but not the list around them. The MAC also covers
 * the Argon2id settings, the recovery public key (a swapped one would receive the next version), the
 * order and number of versions and the rotation state. Only a holder of the newest vault key can
 * produce it, so it is checked right after an unlock.
 */
final class KeyFileMac {

    static final int LENGTH = 32;

    static final String KEY_LABEL = "SealDrop key file MAC v1";

    private KeyFileMac() {
    }

    /** Returns {@code file} as a current-layout file with a fresh MAC under {@code newestKey}, its newest vault key. */
    static KeyFile sign(KeyFile file, SecretKeyBytes newestKey) {
        return new KeyFile(KeyFile.FORMAT, KeyFile.CURRENT_VERSION, file.vaultId(), file.createdAt(), file.passphrase(),
                file.recovery(), file.keys(), file.rewrapPending(), compute(file, newestKey));
    }

    /**
     * Checks the MAC of a version 2 file with its newest vault key. Version 1 files have none.
     *
     * @throws org.sealdrop.SealDropException {@code SD-KEYFILE-TAMPERED} when it does not match
     */
    static void verify(KeyFile file, SecretKeyBytes newestKey) {
        if (file.version() < KeyFile.CURRENT_VERSION) {
            return;
        }
        byte[] expected = compute(file, newestKey);
        if (!MessageDigest.isEqual(expected, file.mac())) {
            throw KeyFile.tampered("its MAC does not match its contents");
        }
    }

    static byte[] compute(KeyFile file, SecretKeyBytes newestKey) {
        byte[] content = encode(file);
        try (SecretKeyBytes macKey = Hkdf.deriveKey(newestKey, new byte[0], KEY_LABEL, file.vaultId())) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(macKey.bytes(), "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime lacks HmacSHA256; install a complete JDK 17.", e);
        }
    }

    /** Encodes the members under the MAC in a fixed order, integers big-endian, each byte string and text after its uint32 length. */
    static byte[] encode(KeyFile file) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            bytes(out, KEY_LABEL.getBytes(StandardCharsets.US_ASCII));
            out.writeInt(KeyFile.CURRENT_VERSION);
            out.writeLong(file.vaultId().getMostSignificantBits());
            out.writeLong(file.vaultId().getLeastSignificantBits());
            instant(out, file.createdAt());

            PassphraseSlot slot = file.passphrase();
            text(out, slot.kdf());
            out.writeInt(slot.memoryKiB());
            out.writeInt(slot.iterations());
            out.writeInt(slot.parallelism());
            bytes(out, slot.salt());

            out.writeBoolean(file.recovery() != null);
            if (file.recovery() != null) {
                text(out, file.recovery().kem());
                bytes(out, file.recovery().publicKey());
            }
            out.writeBoolean(file.rewrapPending());

            out.writeInt(file.keys().size());
            for (WrappedVaultKey key : file.keys()) {
                out.writeInt(key.keyVersion());
                instant(out, key.createdAt());
                bytes(out, key.passphraseWrap());
                out.writeBoolean(key.recoveryWrap() != null);
                if (key.recoveryWrap() != null) {
                    bytes(out, key.recoveryWrap());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private static void instant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        bytes(out, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }
}
