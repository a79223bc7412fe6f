package org.sealdrop.storage;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;

/** Builds the SDK's S3 client from SealDrop's settings, so that every client is configured alike. */
final class S3ClientFactory {

    private S3ClientFactory() {
    }

    // NOTE: AWS SDK 2.59.1 deprecates ApacheHttpClient (HttpClient 4.x) in favour of Apache5HttpClient, which
    // needs the apache5-client artifact at compile scope. S3Errors also matches HttpClient 4's
    // ConnectTimeoutException, so a switch changes both classes.
    @SuppressWarnings("deprecation")
    static S3Client create(StorageSettings storage, ConnectionSettings connection, AwsCredentialsProvider credentials) {
        RetryStrategy retries = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(connection.maxAttempts())
                .build();

        // An empty profile file keeps ~/.aws/config from changing the client, so every setting comes from
        // SealDrop's own (IT-managed) configuration. The credentials provider still reads the AWS
        // profiles if the caller passed one that does, such as DefaultCredentialsProvider.
        ProfileFile noProfile = ProfileFile.builder().content("").type(ProfileFile.Type.CONFIGURATION).build();

        return S3Client.builder()
                .endpointOverride(storage.endpoint())
                .region(Region.of(storage.region()))
                .forcePathStyle(storage.pathStyle())
                .requestChecksumCalculation(storage.checksumMode().requestCalculation())
                .responseChecksumValidation(storage.checksumMode().responseValidation())
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(connection.connectTimeout())
                        .socketTimeout(connection.socketTimeout()))
                .overrideConfiguration(override -> override
                        .retryStrategy(retries)
                        .defaultProfileFileSupplier(() -> noProfile)
                        .addExecutionInterceptor(new RetryLogging()))
                .build();
    }
}
