package org.sealdrop.testsupport;

import java.net.URI;
import java.nio.file.Path;
import org.sealdrop.config.Settings;

/**
 * Copies of {@link Settings} with a few fields changed, so that a test names only what it changes:
 * {@code SettingsCopies.of(current).endpoint(proxy.endpoint()).parts(5, 5).build()}. Every field
 * that a test does not set keeps the value of the original, the audit policy, trust store and
 * permissions included.
 */
public final class SettingsCopies {

    private URI endpoint;
    private final String region;
    private final String bucket;
    private final String prefix;
    private final boolean pathStyle;
    private final String checksumMode;
    private URI auditUrl;
    private final Path auditTokenFile;
    private int partSizeMiB;
    private int multipartThresholdMiB;
    private Integer autoLockMinutes;
    private int uploadParallelism;
    private String auditPolicy;
    private Integer auditMaxPendingEvents;
    private Integer auditMaxPendingHours;
    private Integer auditStrictWaitSeconds;
    private final Path auditTrustStore;
    private final Boolean exportAllowed;
    private final Boolean printAllowed;
    private final Boolean deleteAllowed;

    private SettingsCopies(Settings original) {
        endpoint = original.endpoint();
        region = original.region();
        bucket = original.bucket();
        prefix = original.prefix();
        pathStyle = original.pathStyle();
        checksumMode = original.checksumMode();
        auditUrl = original.auditUrl();
        auditTokenFile = original.auditTokenFile();
        partSizeMiB = original.partSizeMiB();
        multipartThresholdMiB = original.multipartThresholdMiB();
        autoLockMinutes = original.autoLockMinutes();
        uploadParallelism = original.uploadParallelism();
        auditPolicy = original.auditPolicy();
        auditMaxPendingEvents = original.auditMaxPendingEvents();
        auditMaxPendingHours = original.auditMaxPendingHours();
        auditStrictWaitSeconds = original.auditStrictWaitSeconds();
        auditTrustStore = original.auditTrustStore();
        exportAllowed = original.exportAllowed();
        printAllowed = original.printAllowed();
        deleteAllowed = original.deleteAllowed();
    }

    /** Starts a copy of {@code original}, which {@link #build()} returns with the changes. */
    public static SettingsCopies of(Settings original) {
        return new SettingsCopies(original);
    }

    /** Sets the S3 endpoint, such as a test proxy's. */
    public SettingsCopies endpoint(URI newEndpoint) {
        endpoint = newEndpoint;
        return this;
    }

    /** Sets the base URL of the audit receiver. */
    public SettingsCopies auditUrl(URI newAuditUrl) {
        auditUrl = newAuditUrl;
        return this;
    }

    /** Sets the multipart part size and the size above which uploads go as multipart uploads, both in MiB. */
    public SettingsCopies parts(int newPartSizeMiB, int newMultipartThresholdMiB) {
        partSizeMiB = newPartSizeMiB;
        multipartThresholdMiB = newMultipartThresholdMiB;
        return this;
    }

    /** Sets how many parts of one multipart upload go at the same time. */
    public SettingsCopies uploadParallelism(int newUploadParallelism) {
        uploadParallelism = newUploadParallelism;
        return this;
    }

    /** Sets the auto-lock time in minutes: 0 turns auto-lock off and null takes the default. */
    public SettingsCopies autoLockMinutes(Integer newAutoLockMinutes) {
        autoLockMinutes = newAutoLockMinutes;
        return this;
    }

    /**
     * Sets the audit policy and its limits. A null value takes its default when the settings are
     * built, as in a {@code settings.json} without that field.
     */
    public SettingsCopies auditPolicy(String policy, Integer maxPendingEvents, Integer maxPendingHours,
            Integer strictWaitSeconds) {
        auditPolicy = policy;
        auditMaxPendingEvents = maxPendingEvents;
        auditMaxPendingHours = maxPendingHours;
        auditStrictWaitSeconds = strictWaitSeconds;
        return this;
    }

    /**
     * Returns the copy with the changes.
     *
     * @throws IllegalArgumentException if a changed value is one that {@link Settings} rejects
     */
    public Settings build() {
        return new Settings(endpoint, region, bucket, prefix, pathStyle, checksumMode, auditUrl, auditTokenFile,
                partSizeMiB, multipartThresholdMiB, autoLockMinutes, uploadParallelism, auditPolicy,
                auditMaxPendingEvents, auditMaxPendingHours, auditStrictWaitSeconds, auditTrustStore, exportAllowed,
                printAllowed, deleteAllowed);
    }
}
