package org.sealdrop.storage;

import java.net.URI;
import java.util.Objects;
import org.sealdrop.config.EndpointPolicy;
import org.sealdrop.config.Settings;

/**
 * Location of a vault's objects in S3, and the upload settings for them.
 *
 * <p>The compact constructor validates every value without any network access and throws
 * {@link org.sealdrop.SealDropException} ({@code SD-INSECURE-URL} or {@code SD-INVALID-URL}) for an
 * endpoint that is not HTTPS or loopback HTTP, and {@link StorageException} with code
 * {@code SD-S3-INVALID-SETTING} for any other invalid value.
 *
 * @param endpoint the S3 endpoint: HTTPS, or plain HTTP only to a loopback address
 * @param region the signing region, such as {@code eu-central-1}
 * @param bucket the bucket name, following the S3 bucket naming rules
 * @param prefix the vault's folder in the bucket, normalised to {@code ""} or {@code "name/"}
 *     without a leading slash
 * @param pathStyle whether requests use {@code endpoint/bucket/key} URLs rather than a bucket host name,
 *     which most S3-compatible stores need
 * @param checksumMode when the client sends and validates checksums
 * @param multipartThreshold maximum size in bytes that goes as a single PutObject. Larger objects go
 *     as a multipart upload. A single PutObject is buffered whole, so this also bounds its memory use.
 * @param partSize bytes per multipart part, from 5 MiB (the S3 minimum for all but the last part) to
 *     1 GiB. A multipart upload allocates {@code parallelism + 1} buffers of this size.
 * @param parallelism number of parts of one multipart upload sent at the same time, from 1 to
 *     {@value #MAX_PARALLELISM}
 */
public record StorageSettings(URI endpoint, String region, String bucket, String prefix,
        boolean pathStyle, ChecksumMode checksumMode, long multipartThreshold, long partSize, int parallelism) {

    /** Minimum size that S3 accepts for every part but the last. */
    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;

    /** Maximum size of a part or of a single PutObject buffer, well below the maximum Java array length. */
    public static final long MAX_BUFFER_SIZE = 1024L * 1024 * 1024;

    public static final long DEFAULT_MULTIPART_THRESHOLD = 16L * 1024 * 1024;
    public static final long DEFAULT_PART_SIZE = 8L * 1024 * 1024;
    public static final int DEFAULT_PARALLELISM = 4;
    public static final int MAX_PARALLELISM = 64;

    public StorageSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        EndpointPolicy.requireSecure(endpoint, "S3 endpoint");
        region = requireRegion(region);
        BucketNames.requireValid(bucket);
        prefix = normalisePrefix(prefix);
        Objects.requireNonNull(checksumMode, "checksumMode");
        if (multipartThreshold < 0 || multipartThreshold > MAX_BUFFER_SIZE) {
            throw invalid("The multipart threshold " + multipartThreshold
                    + " is out of range; give a byte count from 0 to " + MAX_BUFFER_SIZE + ".");
        }
        if (partSize < MIN_PART_SIZE || partSize > MAX_BUFFER_SIZE) {
            throw invalid("The multipart part size " + partSize + " is out of range; give a byte count from "
                    + MIN_PART_SIZE + " (5 MiB) to " + MAX_BUFFER_SIZE + " (1 GiB).");
        }
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw invalid("The upload parallelism " + parallelism + " is out of range; give a number of parts from 1 to "
                    + MAX_PARALLELISM + ".");
        }
    }

    /** Settings with {@value #DEFAULT_PARALLELISM} parts sent at the same time; otherwise as the canonical constructor. */
    public StorageSettings(URI endpoint, String region, String bucket, String prefix, boolean pathStyle,
            ChecksumMode checksumMode, long multipartThreshold, long partSize) {
        this(endpoint, region, bucket, prefix, pathStyle, checksumMode, multipartThreshold, partSize, DEFAULT_PARALLELISM);
    }

    /**
     * Returns the storage part of {@code settings}, with sizes converted from MiB to bytes; the window,
     * the commands and {@code sealdrop doctor} all build their S3 settings here.
     *
     * @throws org.sealdrop.SealDropException as the canonical constructor does
     */
    public static StorageSettings from(Settings settings) {
        return new StorageSettings(settings.endpoint(), settings.region(), settings.bucket(), settings.prefix(),
                settings.pathStyle(), ChecksumMode.valueOf(settings.checksumMode()),
                settings.multipartThresholdMiB() * 1024L * 1024L, settings.partSizeMiB() * 1024L * 1024L,
                settings.uploadParallelism());
    }

    /**
     * Returns settings with path-style URLs, {@link ChecksumMode#WHEN_SUPPORTED}, a 16 MiB multipart
     * threshold, 8 MiB parts and 4 parts sent at the same time.
     *
     * @throws org.sealdrop.SealDropException as the canonical constructor does
     */
    public static StorageSettings defaults(URI endpoint, String region, String bucket, String prefix) {
        return new StorageSettings(endpoint, region, bucket, prefix, true, ChecksumMode.WHEN_SUPPORTED,
                DEFAULT_MULTIPART_THRESHOLD, DEFAULT_PART_SIZE, DEFAULT_PARALLELISM);
    }

    /** Returns a copy with another multipart threshold and part size, validated like the original. */
    public StorageSettings withMultipart(long newThreshold, long newPartSize) {
        return new StorageSettings(endpoint, region, bucket, prefix, pathStyle, checksumMode, newThreshold, newPartSize,
                parallelism);
    }

    /** Returns a copy with another number of parts sent at the same time, validated like the original. */
    public StorageSettings withParallelism(int newParallelism) {
        return new StorageSettings(endpoint, region, bucket, prefix, pathStyle, checksumMode, multipartThreshold, partSize,
                newParallelism);
    }

    /** Returns a copy with another checksum mode. */
    public StorageSettings withChecksumMode(ChecksumMode newMode) {
        return new StorageSettings(endpoint, region, bucket, prefix, pathStyle, newMode, multipartThreshold, partSize,
                parallelism);
    }

    /** Returns a copy for another folder in the same bucket. */
    public StorageSettings withPrefix(String newPrefix) {
        return new StorageSettings(endpoint, region, bucket, newPrefix, pathStyle, checksumMode, multipartThreshold, partSize,
                parallelism);
    }

    private static String requireRegion(String region) {
        if (region == null || region.isBlank() || !region.matches("[A-Za-z0-9-]{1,64}")) {
            throw invalid("The S3 region '" + region
                    + "' is invalid; give a region name such as eu-central-1 (letters, digits and hyphens).");
        }
        return region;
    }

    /** Strips leading slashes and adds one trailing slash, so that prefix + id is always a valid key. */
    private static String normalisePrefix(String prefix) {
        if (prefix == null) {
            return "";
        }
        String trimmed = prefix.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        if (trimmed.isEmpty()) {
            return "";
        }
        if (trimmed.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')
                || trimmed.contains("//") || ("/" + trimmed + "/").contains("/../")
                || ("/" + trimmed + "/").contains("/./")) {
            throw invalid("The bucket prefix '" + prefix
                    + "' is invalid; give a folder name such as clinic-a/ without '.', '..', '//', backslashes or control characters.");
        }
        return trimmed.endsWith("/") ? trimmed : trimmed + "/";
    }

    static StorageException invalid(String message) {
        return new StorageException("SD-S3-INVALID-SETTING", message);
    }
}
