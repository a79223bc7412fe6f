package org.sealdrop.doctor;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The result of one HEAD bucket request, shared by the endpoint, credentials and clock checks so that
 * the store is asked once. {@code status} is 0 when no HTTP response arrived.
 */
public record BucketProbe(URI endpoint, String bucket, int status, Optional<String> dateHeader, String failure) {

    /** Sends HEAD bucket and records a network or HTTP failure in the probe instead of throwing it. */
    public static BucketProbe send(S3Client client, URI endpoint, String bucket) {
        try {
            var response = client.headBucket(request -> request.bucket(bucket));
            return of(endpoint, bucket, response.sdkHttpResponse(), "");
        } catch (S3Exception e) {
            return of(endpoint, bucket, e.awsErrorDetails().sdkHttpResponse(),
                    e.awsErrorDetails().errorCode() == null ? "HTTP " + e.statusCode() : e.awsErrorDetails().errorCode());
        } catch (SdkClientException e) {
            // A refused connection, an unknown host or a timeout: no HTTP response arrived.
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return new BucketProbe(endpoint, bucket, 0, Optional.empty(), root.getClass().getSimpleName());
        }
    }

    private static BucketProbe of(URI endpoint, String bucket, SdkHttpResponse response, String failure) {
        return new BucketProbe(endpoint, bucket, response.statusCode(), response.firstMatchingHeader("Date"), failure);
    }

    /** Returns whether the store sent an HTTP response at all. */
    public boolean answered() {
        return status != 0;
    }
}
