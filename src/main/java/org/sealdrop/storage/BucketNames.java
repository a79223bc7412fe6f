package org.sealdrop.storage;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The Amazon S3 naming rules for general purpose buckets (AWS S3 user guide, "General purpose bucket
 * naming rules"), checked before any request so that a typing error fails early with a clear message.
 */
final class BucketNames {

    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3");

    private BucketNames() {
    }

    /** Throws {@link StorageException} {@code SD-S3-INVALID-SETTING} unless {@code bucket} is a valid name. */
    static void requireValid(String bucket) {
        if (bucket == null || !ALLOWED.matcher(bucket).matches()) {
            throw StorageSettings.invalid("The bucket name '" + bucket
                    + "' is invalid; use 3 to 63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit.");
        }
        if (bucket.contains("..") || IP_ADDRESS.matcher(bucket).matches()) {
            throw StorageSettings.invalid("The bucket name '" + bucket
                    + "' is invalid because it contains '..' or looks like an IP address; choose another name.");
        }
        boolean reserved = RESERVED_PREFIXES.stream().anyMatch(bucket::startsWith)
                || RESERVED_SUFFIXES.stream().anyMatch(bucket::endsWith);
        if (reserved) {
            throw StorageSettings.invalid("The bucket name '" + bucket + "' starts or ends with a part that S3 reserves ("
                    + String.join(", ", RESERVED_PREFIXES) + " at the start, " + String.join(", ", RESERVED_SUFFIXES)
                    + " at the end); choose another name.");
        }
    }
}
