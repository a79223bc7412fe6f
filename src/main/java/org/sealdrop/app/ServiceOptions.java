package org.sealdrop.app;

import java.security.SecureRandom;
import java.time.Clock;
import org.sealdrop.storage.ConnectionSettings;
import org.sealdrop.vault.Argon2Settings;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * How {@link LocalServices} reaches its servers and derives keys.
 *
 * @param credentials S3 credentials, or {@code null} for the AWS SDK's default chain (environment,
 *     profiles, SSO)
 * @param auditToken bearer token of the audit receiver, or {@code null} to read the token file
 *     named in the settings; the demo passes the token it generated in memory
 * @param argon2 Argon2id cost of new key files
 * @param random source of keys and nonces
 * @param clock time of rows, metadata and audit events
 * @param connection timeouts and retry budget of the S3 client
 */
public record ServiceOptions(AwsCredentialsProvider credentials, char[] auditToken, Argon2Settings argon2,
        SecureRandom random, Clock clock, ConnectionSettings connection) {

    /** Production defaults: the desktop credential chain (never the instance metadata service), the token file from the settings, full Argon2id cost. */
    public static ServiceOptions defaults() {
        return new ServiceOptions(null, null, Argon2Settings.DEFAULT, new SecureRandom(), Clock.systemUTC(),
                ConnectionSettings.defaults());
    }

    public ServiceOptions withCredentials(AwsCredentialsProvider newCredentials, char[] newAuditToken) {
        return new ServiceOptions(newCredentials, newAuditToken, argon2, random, clock, connection);
    }

    public ServiceOptions withArgon2(Argon2Settings newArgon2) {
        return new ServiceOptions(credentials, auditToken, newArgon2, random, clock, connection);
    }

    /** Returns these options with other S3 timeouts, such as the short ones of tests against a stalling server. */
    public ServiceOptions withConnection(ConnectionSettings newConnection) {
        return new ServiceOptions(credentials, auditToken, argon2, random, clock, newConnection);
    }
}
