package org.sealdrop.app;

import java.util.Arrays;
import java.util.Objects;

/**
 * Secrets typed into the first-run wizard: an S3 access key pair and an audit bearer token. Each may be
 * empty, which means "use what this computer already has": the desktop credential chain (AWS profile or
 * environment) for S3 and the token file of the set-up for the audit receiver. {@link #close()} wipes
 * the secret arrays.
 */
public final class SetupCredentials implements AutoCloseable {

    private final String accessKeyId;
    private final char[] secretAccessKey;
    private final char[] auditToken;

    /**
     * @param accessKeyId the access key id, or empty; it is not secret on its own
     * @param secretAccessKey the secret access key, or empty; the array is kept, not copied
     * @param auditToken the audit bearer token, or empty; the array is kept, not copied
     */
    public SetupCredentials(String accessKeyId, char[] secretAccessKey, char[] auditToken) {
        this.accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId").strip();
        this.secretAccessKey = Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        this.auditToken = Objects.requireNonNull(auditToken, "auditToken");
    }

    /** Credentials with nothing typed. */
    public static SetupCredentials none() {
        return new SetupCredentials("", new char[0], new char[0]);
    }

    /** Tells whether an access key pair was typed; the wizard accepts both fields or neither. */
    public boolean hasStorageKeys() {
        return !accessKeyId.isEmpty() && secretAccessKey.length > 0;
    }

    public boolean hasAuditToken() {
        return auditToken.length > 0;
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    /** Returns the live secret array, not a copy. */
    char[] secretAccessKey() {
        return secretAccessKey;
    }

    /** Returns the live token array, not a copy. */
    char[] auditToken() {
        return auditToken;
    }

    @Override
    public void close() {
        Arrays.fill(secretAccessKey, '\0');
        Arrays.fill(auditToken, '\0');
    }
}
