package org.sealdrop.app;

import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The S3 credentials of the services' long-lived client, chosen again at every request: the explicit
 * credentials that {@link LocalServices#explicitCredentials()} returns at that moment (typed keys,
 * stored keys while the vault is unlocked, or the options'), else the {@link DesktopCredentials} chain.
 * So keys stored under the vault key take effect at unlock and stop at lock without a new client.
 */
final class StorageCredentials implements AwsCredentialsProvider, SdkAutoCloseable {

    private final Supplier<AwsCredentialsProvider> explicit;
    private final AwsCredentialsProviderChain chain = DesktopCredentials.chain();

    StorageCredentials(Supplier<AwsCredentialsProvider> explicit) {
        this.explicit = explicit;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        AwsCredentialsProvider current = explicit.get();
        return current != null ? current.resolveCredentials() : chain.resolveCredentials();
    }

    @Override
    public void close() {
        chain.close();
    }
}
