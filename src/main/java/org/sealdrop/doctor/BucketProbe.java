package org.sealdrop.doctor;

import java.net.URI;
import java.util.Optional;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The result of one HEAD bucket request, shared by the endpoint, credentials and clock checks so that
 * the store is asked once. {@code status} is 0 when no HTTP response arrived.
 */
public record BucketProbe(URI endpoint, String bucket, int status, Optional<String> dateHeader, String failure) {

    /** Start of {@link #failure()} when the TLS connection failed, for example on an untrusted certificate. */
    public static final String TLS_FAILURE = "SD-S3-TLS";

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
            boolean tls = false;
            while (root.getCause() != null) {
                tls |= root instanceof SSLException;
                root = root.getCause();
            }
            tls |= root instanceof SSLException;
            // A certificate problem gets the storage TLS error code, which the window and IT also use.
            String failure = tls ? TLS_FAILURE + " " + root.getClass().getSimpleName() : root.getClass().getSimpleName();
            return new BucketProbe(endpoint, bucket, 0, Optional.empty(), failure);
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
