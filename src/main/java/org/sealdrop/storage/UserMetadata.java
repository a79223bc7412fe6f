package org.sealdrop.storage;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks S3 user metadata before an upload: names as lowercase tokens (S3 lowercases them anyway),
 * values as printable ASCII (S3 returns other characters RFC 2047-encoded), and at most 2 KiB in
 * total, the S3 limit for user metadata.
 */
final class UserMetadata {

    static final int MAX_TOTAL_BYTES = 2048;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern VALUE = Pattern.compile("[\\x20-\\x7e]*");

    private UserMetadata() {
    }

    /** Returns an immutable copy of {@code metadata} (empty for null), or throws {@code SD-S3-INVALID-METADATA}. */
    static Map<String, String> requireValid(Map<String, String> metadata, String key) {
        if (metadata == null) {
            return Map.of();
        }
        int total = 0;
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            String name = entry.getKey();
            String value = entry.getValue();
            if (name == null || !NAME.matcher(name).matches()) {
                throw invalid(key, "the metadata name '" + name + "' is not a lowercase token of letters, digits and hyphens");
            }
            if (value == null || !VALUE.matcher(value).matches()) {
                throw invalid(key, "the value of metadata '" + name + "' is missing or not printable ASCII");
            }
            total += name.getBytes(StandardCharsets.US_ASCII).length + value.getBytes(StandardCharsets.US_ASCII).length;
        }
        if (total > MAX_TOTAL_BYTES) {
            throw invalid(key, "its metadata takes " + total + " bytes, more than the " + MAX_TOTAL_BYTES + " that S3 allows");
        }
        return Map.copyOf(metadata);
    }

    private static StorageException invalid(String key, String reason) {
        return new StorageException("SD-S3-INVALID-METADATA", "Object " + key + " cannot be uploaded because " + reason
                + "; this is a SealDrop defect, so report it to IT.");
    }
}
