package org.sealdrop.storage;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds the SDK's S3 client from SealDrop's settings, so that every client is configured alike: the
 * endpoint that {@link StorageSettings} has checked, the timeouts and retries of
 * {@link ConnectionSettings}, and no settings from {@code ~/.aws/config}. {@link ObjectStore} and
 * {@code sealdrop doctor} use it.
 */
public final class S3ClientFactory {

    private static final Duration BASE_DELAY = Duration.ofMillis(100);
    private static final Duration THROTTLING_BASE_DELAY = Duration.ofMillis(500);
    private static final Duration MAX_DELAY = Duration.ofSeconds(20);

    private S3ClientFactory() {
    }

    // NOTE: AWS SDK 2.59.1 deprecates ApacheHttpClient (HttpClient 4.x) in favour of Apache5HttpClient, which
    // needs the apache5-client artifact at compile scope. S3Errors also matches HttpClient 4's
    // ConnectTimeoutException, so a switch changes both classes.
    /**
     * Creates a client for the endpoint, region and path style of {@code storage}. No request is sent
     * until the first call. The caller closes the client.
     *
     * @param credentials the credentials provider; the client never looks for credentials itself
     */
    @SuppressWarnings("deprecation")
    public static S3Client create(StorageSettings storage, ConnectionSettings connection, AwsCredentialsProvider credentials) {
        // Full-jitter exponential backoff: a random delay up to base × 2^(attempt - 1), capped. Throttling
        // (503 SlowDown) starts from a longer base so that a busy store gets room to recover. The standard
        // strategy retries 5xx, throttling, IOExceptions (reset or broken connections, socket timeouts) and
        // timed-out attempts. Request bodies come from buffers or byte arrays, so every retry resends the
        // same bytes.
        RetryStrategy retries = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(connection.maxAttempts())
                .backoffStrategy(BackoffStrategy.exponentialDelay(BASE_DELAY, MAX_DELAY))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(THROTTLING_BASE_DELAY, MAX_DELAY))
                .build();

        // An empty profile file keeps ~/.aws/config from changing the client, so every setting comes from
        // SealDrop's own (IT-managed) configuration. The credentials provider still reads the AWS
        // profiles if the caller passed one that does, such as the chain of DesktopCredentials.
        ProfileFile noProfile = ProfileFile.builder().content("").type(ProfileFile.Type.CONFIGURATION).build();

        return S3Client.builder()
                .endpointOverride(storage.endpoint())
                .region(Region.of(storage.region()))
                .forcePathStyle(storage.pathStyle())
                .requestChecksumCalculation(storage.checksumMode().requestCalculation())
                .responseChecksumValidation(storage.checksumMode().responseValidation())
                .credentialsProvider(credentials)
                .httpClientBuilder(WatchedHttpClient.wrapping(ApacheHttpClient.builder()
                        .connectionTimeout(connection.connectTimeout())
                        .socketTimeout(connection.socketTimeout())))
                .overrideConfiguration(override -> override
                        .retryStrategy(retries)
                        .apiCallAttemptTimeout(connection.attemptTimeout())
                        .defaultProfileFileSupplier(() -> noProfile)
                        .addExecutionInterceptor(new RetryLogging()))
                .build();
    }
}
