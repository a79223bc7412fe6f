package org.sealdrop.app;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;

/**
 * The S3 credentials of a clinic computer: the {@code aws.accessKeyId} system properties, the
 * {@code AWS_ACCESS_KEY_ID} environment variables, or the profile in {@code ~/.aws/credentials}
 * ({@code AWS_PROFILE}, else {@code default}), in that order.
 *
 * <p>Unlike the SDK's default chain it never requests credentials from the EC2 instance metadata service or a container
 * credentials endpoint. A desktop is neither, and a request to a link-local address that happens to
 * respond on a clinic network must not supply the credentials that reach patient documents.
 */
public final class DesktopCredentials {

    private DesktopCredentials() {
    }

    /** Creates a new chain. Close it together with the store that uses it. */
    public static AwsCredentialsProviderChain chain() {
        return AwsCredentialsProviderChain.builder()
                .reuseLastProviderEnabled(true)
                .credentialsProviders(
                        SystemPropertyCredentialsProvider.create(),
                        EnvironmentVariableCredentialsProvider.create(),
                        ProfileCredentialsProvider.create())
                .build();
    }
}
