package org.sealdrop.vault;

import java.util.Base64;
import java.util.Optional;
import org.sealdrop.storage.ObjectInfo;

/**
 * The S3 user metadata entry that carries an object's wrapped document key, Base64-encoded. The upload
 * writes it ({@code Uploader.WRAPPED_KEY_METADATA}, the same name); rotation rewrites it.
 */
final class WrappedKeyMetadata {

    static final String NAME = "sealdrop-wrapped-key";

    private WrappedKeyMetadata() {
    }

    /** Returns the decoded wrapped key of {@code object}, or empty when the entry is missing or not Base64. */
    static Optional<byte[]> read(ObjectInfo object) {
        String value = object.metadata().get(NAME);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getDecoder().decode(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String encode(byte[] wrappedKey) {
        return Base64.getEncoder().encodeToString(wrappedKey);
    }
}
