package org.sealdrop.vault;

import com.fasterxml.jackson.databind.DeserializationFeature;
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
 * The vault key file: every version of the vault key, each wrapped (AES-256-GCM) under a key derived
 * from the passphrase with Argon2id. The Argon2id parameters and salt are stored with each version so
 * that a later SealDrop with stronger defaults still unlocks an older file. The file holds no secret
 * in clear, so it is kept both in the home folder and in the bucket, where a second computer fetches
 * it to join the vault.
 *
 * @param format always {@value #FORMAT}
 * @param version key file layout version, 1
 * @param vaultId random id of the vault, bound into every wrap as associated data
 * @param createdAt creation time
 * @param keys the vault key versions, oldest first; the last one wraps new document keys
 */
public record KeyFile(String format, int version, UUID vaultId, Instant createdAt, List<WrappedVaultKey> keys) {

    public static final String FORMAT = "sealdrop-keyfile";

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

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("A key file could not be serialised", e);
        }
    }

    /**
     * Parses and checks a key file.
     *
     * @param source where the bytes came from, for the error message ("the bucket", a path)
     */
    public static KeyFile parse(byte[] json, String source) {
        KeyFile file;
        try {
            file = JSON.readValue(json, KeyFile.class);
        } catch (IOException e) {
            throw invalid(source, "it is not valid key file JSON");
        }
        if (!FORMAT.equals(file.format()) || file.version() != 1) {
            throw invalid(source, "its format is not " + FORMAT + " version 1");
        }
        if (file.vaultId() == null || file.keys() == null || file.keys().isEmpty()) {
            throw invalid(source, "it names no vault id or no key");
        }
        for (WrappedVaultKey key : file.keys()) {
            key.validate(source);
        }
        return file;
    }

    static SealDropException invalid(String source, String reason) {
        return new SealDropException("SD-KEYFILE-INVALID", "The vault key file in " + source + " is damaged: " + reason
                + "; restore it from the bucket or from a backup.");
    }
}
