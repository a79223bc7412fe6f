package org.sealdrop.crypto;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Document metadata, encrypted inside the object header with a key derived from the document key.
 *
 * <p>{@code name}, {@code sha256Hex} and {@code patientReference} are PHI or reveal it: show them, never
 * log them. {@link #toString()} leaves them out for that reason.
 *
 * @param name original file name
 * @param mediaType media type, such as {@code application/pdf}
 * @param size plaintext length in bytes
 * @param sha256Hex SHA-256 of the plaintext, 64 lowercase hex digits
 * @param patientReference patient reference typed at upload, or {@code null}
 * @param addedBy user who added the document
 * @param addedAt when the document was added
 */
public record DocumentMetadata(String name, String mediaType, long size, String sha256Hex,
        String patientReference, String addedBy, Instant addedAt) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /**
     * @throws NullPointerException if a field other than {@code patientReference} is null
     * @throws IllegalArgumentException if {@code size} is negative or too large, or {@code sha256Hex}
     *         is not 64 lowercase hex digits
     */
    public DocumentMetadata {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha256Hex, "sha256Hex");
        Objects.requireNonNull(addedBy, "addedBy");
        Objects.requireNonNull(addedAt, "addedAt");
        ObjectFormat.checkPlaintextLength(size);

        // The hash is left out of the message: it identifies the document.
        if (!SHA256_HEX.matcher(sha256Hex).matches()) {
            throw new IllegalArgumentException("The SHA-256 of a document must be 64 lowercase hex digits.");
        }
    }

    @Override
    public String toString() {
        return "DocumentMetadata[mediaType=" + mediaType + ", size=" + size + ", addedBy=" + addedBy
                + ", addedAt=" + addedAt + ", patientReference=" + (patientReference == null ? "none" : "set") + "]";
    }
}
