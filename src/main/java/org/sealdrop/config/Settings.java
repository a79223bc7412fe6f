package org.sealdrop.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.nio.file.Path;

/**
 * Settings of one home folder, stored as {@code settings.json}. They contain no secrets: S3
 * credentials come from the AWS SDK's default chain and the audit token from the file named here.
 *
 * @param endpoint S3 endpoint URL
 * @param region S3 signing region
 * @param bucket bucket name
 * @param prefix key prefix of the vault, "" or ending in "/"
 * @param pathStyle path-style addressing (needed by most S3-compatible stores)
 * @param checksumMode {@code WHEN_SUPPORTED} (the SDK default) or {@code WHEN_REQUIRED} for stores
 *     that reject the SDK's default checksums
 * @param auditUrl base URL of the audit receiver
 * @param auditTokenFile file with the audit receiver's bearer token, or {@code null}
 * @param partSizeMiB multipart part size in MiB (at least 5)
 * @param multipartThresholdMiB objects above this size in MiB go as multipart uploads
 * @param uploadParallelism parts of one multipart upload sent at the same time; {@value #DEFAULT_UPLOAD_PARALLELISM}
 *     when absent or 0. Memory per upload is about part size times (parallelism + 1).
 * @param autoLockMinutes minutes without mouse or keyboard input in any SealDrop window after which
 *     the window locks the vault; {@value #DEFAULT_AUTO_LOCK_MINUTES} when absent, 0 turns auto-lock off
 * @param auditPolicy {@code queued} (the default when absent): opening and exporting go on while the
 *     audit receiver is unreachable, up to the backlog limits; or {@code strict}: a document is shown
 *     or exported only after the receiver acknowledged its event
 * @param auditMaxPendingEvents under {@code queued}, opening and exporting are rejected once this
 *     many audit events wait; {@value #DEFAULT_AUDIT_MAX_PENDING_EVENTS} when absent
 * @param auditMaxPendingHours under {@code queued}, opening and exporting are rejected once the oldest
 *     waiting audit event is this many hours old; {@value #DEFAULT_AUDIT_MAX_PENDING_HOURS} when absent
 * @param auditStrictWaitSeconds under {@code strict}, seconds an open or export waits for the
 *     receiver's acknowledgement; {@value #DEFAULT_AUDIT_STRICT_WAIT_SECONDS} when absent
 * @param auditTrustStore a PKCS12 file without password with the certificate of the CA that issued the
 *     audit receiver's certificate, such as the clinic's private CA; {@code null} trusts the JDK's CAs
 * @param exportAllowed whether a decrypted copy may be saved (window) or exported (CLI); {@code true}
 *     when absent. IT turns it off in the managed settings file.
 * @param printAllowed whether documents may be printed; {@code true} when absent
 * @param deleteAllowed whether documents may be deleted from the vault; {@code true} when absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Settings(URI endpoint, String region, String bucket, String prefix, boolean pathStyle,
        String checksumMode, URI auditUrl, Path auditTokenFile, int partSizeMiB, int multipartThresholdMiB,
        Integer autoLockMinutes, int uploadParallelism, String auditPolicy, Integer auditMaxPendingEvents,
        Integer auditMaxPendingHours, Integer auditStrictWaitSeconds,
        Path auditTrustStore, Boolean exportAllowed, Boolean printAllowed, Boolean deleteAllowed) {

    public static final int DEFAULT_PART_SIZE_MIB = 8;
    public static final int DEFAULT_MULTIPART_THRESHOLD_MIB = 16;
    public static final int DEFAULT_AUTO_LOCK_MINUTES = 10;
    public static final int DEFAULT_UPLOAD_PARALLELISM = 4;
    public static final String AUDIT_POLICY_QUEUED = "queued";
    public static final String AUDIT_POLICY_STRICT = "strict";
    public static final int DEFAULT_AUDIT_MAX_PENDING_EVENTS = 1000;
    public static final int DEFAULT_AUDIT_MAX_PENDING_HOURS = 24;
    public static final int DEFAULT_AUDIT_STRICT_WAIT_SECONDS = 10;

    /**
     * Fills in defaults and checks the numbers and the audit policy with {@link SettingRules}.
     *
     * @throws IllegalArgumentException if {@code autoLockMinutes} is negative, the part size is outside
     *     5 MiB to 5 GiB, the upload parallelism is outside 1 to 64, {@code auditPolicy} is neither
     *     {@code queued} nor {@code strict}, or an audit limit or wait is not positive
     */
    public Settings {
        if (region == null || region.isBlank()) {
            region = "us-east-1";
        }
        prefix = normalizePrefix(prefix);
        if (checksumMode == null || checksumMode.isBlank()) {
            checksumMode = "WHEN_SUPPORTED";
        }
        if (partSizeMiB == 0) {
            partSizeMiB = DEFAULT_PART_SIZE_MIB;
        }
        if (multipartThresholdMiB == 0) {
            multipartThresholdMiB = DEFAULT_MULTIPART_THRESHOLD_MIB;
        }
        if (uploadParallelism == 0) {
            uploadParallelism = DEFAULT_UPLOAD_PARALLELISM;
        }
        // Boxed, so that a settings file written before this setting existed gets the default, while
        // an explicit 0 still means "off".
        if (autoLockMinutes == null) {
            autoLockMinutes = DEFAULT_AUTO_LOCK_MINUTES;
        }
        SettingRules.requireValid("autoLockMinutes", autoLockMinutes);
        SettingRules.requireValid("partSizeMiB", partSizeMiB);
        SettingRules.requireValid("multipartThresholdMiB", multipartThresholdMiB);
        SettingRules.requireValid("uploadParallelism", uploadParallelism);
        auditPolicy = auditPolicy == null ? AUDIT_POLICY_QUEUED : auditPolicy;
        SettingRules.problem("auditPolicy", TextNode.valueOf(auditPolicy)).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        auditMaxPendingEvents = positiveOrDefault("auditMaxPendingEvents", auditMaxPendingEvents, DEFAULT_AUDIT_MAX_PENDING_EVENTS);
        auditMaxPendingHours = positiveOrDefault("auditMaxPendingHours", auditMaxPendingHours, DEFAULT_AUDIT_MAX_PENDING_HOURS);
        auditStrictWaitSeconds = positiveOrDefault("auditStrictWaitSeconds", auditStrictWaitSeconds,
                DEFAULT_AUDIT_STRICT_WAIT_SECONDS);
        // Boxed like autoLockMinutes, so that a settings file from before these settings allows everything.
        exportAllowed = exportAllowed == null || exportAllowed;
        printAllowed = printAllowed == null || printAllowed;
        deleteAllowed = deleteAllowed == null || deleteAllowed;
    }

    /** Settings that allow export, print and delete; otherwise as the canonical constructor. */
    public Settings(URI endpoint, String region, String bucket, String prefix, boolean pathStyle,
            String checksumMode, URI auditUrl, Path auditTokenFile, int partSizeMiB, int multipartThresholdMiB,
            Integer autoLockMinutes, int uploadParallelism, String auditPolicy, Integer auditMaxPendingEvents,
            Integer auditMaxPendingHours, Integer auditStrictWaitSeconds, Path auditTrustStore) {
        this(endpoint, region, bucket, prefix, pathStyle, checksumMode, auditUrl, auditTokenFile, partSizeMiB,
                multipartThresholdMiB, autoLockMinutes, uploadParallelism, auditPolicy, auditMaxPendingEvents,
                auditMaxPendingHours, auditStrictWaitSeconds, auditTrustStore, null, null, null);
    }

    /** Settings with the default audit policy and no audit trust store; otherwise as the canonical constructor. */
    public Settings(URI endpoint, String region, String bucket, String prefix, boolean pathStyle,
            String checksumMode, URI auditUrl, Path auditTokenFile, int partSizeMiB, int multipartThresholdMiB,
            Integer autoLockMinutes, int uploadParallelism) {
        this(endpoint, region, bucket, prefix, pathStyle, checksumMode, auditUrl, auditTokenFile, partSizeMiB,
                multipartThresholdMiB, autoLockMinutes, uploadParallelism, null, null, null, null, null);
    }

    /** Settings with the default upload parallelism; otherwise as the canonical constructor. */
    public Settings(URI endpoint, String region, String bucket, String prefix, boolean pathStyle,
            String checksumMode, URI auditUrl, Path auditTokenFile, int partSizeMiB, int multipartThresholdMiB,
            Integer autoLockMinutes) {
        this(endpoint, region, bucket, prefix, pathStyle, checksumMode, auditUrl, auditTokenFile, partSizeMiB,
                multipartThresholdMiB, autoLockMinutes, 0, null, null, null, null, null);
    }

    /** Settings with the defaults for everything but where the vault and the audit receiver are. */
    public static Settings of(URI endpoint, String region, String bucket, String prefix, URI auditUrl, Path auditTokenFile) {
        return new Settings(endpoint, region, bucket, prefix, true, null, auditUrl, auditTokenFile, 0, 0, null, 0,
                null, null, null, null, null);
    }

    /** Returns these settings with other S3 and audit endpoints, for the demo whose local ports change each run. */
    public Settings withEndpoints(URI newEndpoint, URI newAuditUrl) {
        return new Settings(newEndpoint, region, bucket, prefix, pathStyle, checksumMode, newAuditUrl, auditTokenFile,
                partSizeMiB, multipartThresholdMiB, autoLockMinutes, uploadParallelism, auditPolicy, auditMaxPendingEvents,
                auditMaxPendingHours, auditStrictWaitSeconds, auditTrustStore, exportAllowed, printAllowed, deleteAllowed);
    }

    /** Returns these settings with another audit token file. */
    public Settings withAuditTokenFile(Path newAuditTokenFile) {
        return new Settings(endpoint, region, bucket, prefix, pathStyle, checksumMode, auditUrl, newAuditTokenFile,
                partSizeMiB, multipartThresholdMiB, autoLockMinutes, uploadParallelism, auditPolicy, auditMaxPendingEvents,
                auditMaxPendingHours, auditStrictWaitSeconds, auditTrustStore, exportAllowed, printAllowed, deleteAllowed);
    }

    /** Returns these settings with another audit trust store, or none for {@code null}. */
    public Settings withAuditTrustStore(Path newAuditTrustStore) {
        return new Settings(endpoint, region, bucket, prefix, pathStyle, checksumMode, auditUrl, auditTokenFile,
                partSizeMiB, multipartThresholdMiB, autoLockMinutes, uploadParallelism, auditPolicy, auditMaxPendingEvents,
                auditMaxPendingHours, auditStrictWaitSeconds, newAuditTrustStore, exportAllowed, printAllowed, deleteAllowed);
    }

    /** Returns {@code value}, or {@code fallback} when it is absent; rejects zero and negative values. */
    private static int positiveOrDefault(String key, Integer value, int fallback) {
        if (value == null) {
            return fallback;
        }
        SettingRules.requireValid(key, value);
        return value;
    }

    static String normalizePrefix(String prefix) {
        if (prefix == null) {
            return "";
        }
        String trimmed = prefix.strip();
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        if (!trimmed.isEmpty() && !trimmed.endsWith("/")) {
            trimmed = trimmed + "/";
        }
        return trimmed;
    }
}
