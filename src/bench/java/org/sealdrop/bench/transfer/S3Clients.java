package org.sealdrop.bench.transfer;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * SDK clients for the contenders, all aimed at the benchmark's S3Proxy on 127.0.0.1 with its static
 * credentials and an empty profile file, so no client reads ~/.aws or falls back to a real endpoint.
 */
final class S3Clients {

    static final Region REGION = Region.US_EAST_1;

    private S3Clients() {
    }

    /** Overrides that keep the AWS profile files out of the client's configuration. */
    static ClientOverrideConfiguration noProfile() {
        ProfileFile empty = ProfileFile.builder().content("").type(ProfileFile.Type.CONFIGURATION).build();
        return ClientOverrideConfiguration.builder().defaultProfileFileSupplier(() -> empty).build();
    }

    /**
     * A plain client with the same HTTP client as SealDrop's, with a connection pool large enough for
     * {@code parallelism} parts at once.
     */
    @SuppressWarnings("deprecation") // the same ApacheHttpClient that SealDrop's S3ClientFactory uses
    static S3Client plain(URI endpoint, AwsCredentialsProvider credentials, int parallelism) {
        requireLoopback(endpoint);
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .forcePathStyle(true)
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(Math.max(50, parallelism * 2)))
                .overrideConfiguration(noProfile())
                .build();
    }

    /** Rejects any endpoint but 127.0.0.1, before a client exists. */
    static void requireLoopback(URI endpoint) {
        if (!"127.0.0.1".equals(endpoint.getHost())) {
            throw new IllegalArgumentException("The benchmark only talks to 127.0.0.1, not to " + endpoint + ".");
        }
    }
}
