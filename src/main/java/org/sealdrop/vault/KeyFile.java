package org.sealdrop.vault;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.sealdrop.SealDropException;

/**
 * The vault key file (docs/FORMAT.md, "Key file"): every version of the vault key, each wrapped
 * (AES-256-GCM) under one key derived from the passphrase with Argon2id and, when the vault has a
 * recovery key, wrapped a second time for it. A MAC under the newest vault key covers every field, so
 * a file changed by someone without the vault key fails after the unlock. The file contains no secret
 * in clear, so it is kept both in the home folder and in the bucket, where a second computer fetches it
 * to join the vault.
 *
 * @param format always {@value #FORMAT}
 * @param version key file layout version: 2, or 1 for a file written before rotation existed (one
 *     key, no recovery key, no MAC); SealDrop writes only version 2
 * @param vaultId random id of the vault, bound into every wrap as associated data
 * @param createdAt creation time of the vault
 * @param passphrase how the passphrase key is derived
 * @param recovery the recovery key's public half, or {@code null} for a vault without a recovery key
 * @param keys the vault key versions, oldest first; the last one wraps new document keys
 * @param rewrapPending whether a rotation added the newest version and has not yet re-wrapped every
 *     object of the bucket under it; {@code sealdrop vault rotate} then resumes instead of adding one
 * @param mac HMAC-SHA-256 over the other fields (see {@link KeyFileMac}), {@code null} in version 1
 */
public record KeyFile(String format, int version, UUID vaultId, Instant createdAt, PassphraseSlot passphrase,
        RecoverySlot recovery, List<WrappedVaultKey> keys, boolean rewrapPending, byte[] mac) {

    public static final String FORMAT = "sealdrop-keyfile";
    /** Layout version that this SealDrop writes. */
    public static final int CURRENT_VERSION = 2;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public KeyFile {
        keys = List.copyOf(keys);
    }

    /** The newest key version, which wraps the keys of new documents. */
    public WrappedVaultKey current() {
        return keys.get(keys.size() - 1);
    }

    /** Returns whether the file lists key version {@code keyVersion}. */
    public boolean hasVersion(int keyVersion) {
        return keys.stream().anyMatch(key -> key.keyVersion() == keyVersion);
    }

    /** Returns an unsigned copy with these parts replaced; {@link KeyFileMac#sign} adds the MAC. */
    KeyFile with(PassphraseSlot newPassphrase, RecoverySlot newRecovery, List<WrappedVaultKey> newKeys,
            boolean newRewrapPending) {
        return new KeyFile(FORMAT, CURRENT_VERSION, vaultId, createdAt, newPassphrase, newRecovery, newKeys,
                newRewrapPending, null);
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("A key file could not be serialised", e);
        }
    }

    /**
     * Parses and checks a key file of layout version 1 or 2. The wraps and the MAC are checked only
     * by an unlock.
     *
     * @param source where the bytes came from, for the error message ("the bucket", a path)
     * @throws SealDropException {@code SD-KEYFILE-INVALID} when the JSON or a field is malformed
     */
    public static KeyFile parse(byte[] json, String source) {
        KeyFile file;
        try {
            JsonNode tree = JSON.readTree(json);
            if (tree == null || !FORMAT.equals(tree.path("format").asText())) {
                throw invalid(source, "its format is not " + FORMAT);
            }
            int layout = tree.path("version").asInt(-1);
            if (layout == 1) {
                file = JSON.treeToValue(tree, LegacyKeyFile.class).toKeyFile(source);
            } else if (layout == CURRENT_VERSION) {
                file = JSON.treeToValue(tree, KeyFile.class);
            } else {
                throw new SealDropException("SD-KEYFILE-VERSION", "The vault key file in " + source + " has layout version "
                        + layout + ", which this SealDrop does not read; install the newest SealDrop.");
            }
        } catch (IOException | IllegalArgumentException e) {
            throw invalid(source, "it is not valid key file JSON");
        }
        file.validate(source);
        return file;
    }

    private void validate(String source) {
        if (vaultId == null || createdAt == null || passphrase == null || keys == null || keys.isEmpty()) {
            throw invalid(source, "it lacks the vault id, the creation time, the passphrase settings or any key");
        }
        passphrase.validate(source);
        if (recovery != null) {
            recovery.validate(source);
        }
        int previous = 0;
        for (WrappedVaultKey key : keys) {
            if (key == null) {
                throw invalid(source, "its key list has an empty entry");
            }
            key.validate(source, recovery != null);
            if (key.keyVersion() <= previous) {
                throw invalid(source, "its key versions are not in ascending order");
            }
            previous = key.keyVersion();
        }
        if (version == CURRENT_VERSION && (mac == null || mac.length != KeyFileMac.LENGTH)) {
            throw invalid(source, "its MAC is missing");
        }
    }

    static SealDropException invalid(String source, String reason) {
        return new SealDropException("SD-KEYFILE-INVALID", "The vault key file in " + source + " is damaged: " + reason
                + "; restore it from the bucket or from a backup.");
    }

    static SealDropException tampered(String reason) {
        return new SealDropException("SD-KEYFILE-TAMPERED", "The vault key file was altered: " + reason
                + "; do not use it, restore the key file from a backup and tell IT.");
    }

    /** Layout version 1: one Argon2id setting per key, no recovery key, no MAC. */
    record LegacyKeyFile(UUID vaultId, Instant createdAt, List<LegacyKey> keys) {

        KeyFile toKeyFile(String source) {
            // Version 1 files come from SealDrop builds without rotation, which wrote exactly one key.
            if (keys == null || keys.size() != 1 || keys.get(0) == null) {
                throw invalid(source, "a layout version 1 file must list exactly one key");
            }
            LegacyKey key = keys.get(0);
            PassphraseSlot slot = new PassphraseSlot(key.kdf(), key.memoryKiB(), key.iterations(), key.parallelism(), key.salt());
            WrappedVaultKey wrapped = new WrappedVaultKey(key.keyVersion(), createdAt, key.wrappedKey(), null);
            return new KeyFile(FORMAT, 1, vaultId, createdAt, slot, null, List.of(wrapped), false, null);
        }
    }

    record LegacyKey(int keyVersion, String kdf, int memoryKiB, int iterations, int parallelism, byte[] salt,
            byte[] wrappedKey) {
    }
}
