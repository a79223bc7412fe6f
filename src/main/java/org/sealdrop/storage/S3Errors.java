package org.sealdrop.storage;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.apache.http.NoHttpResponseException;
import org.apache.http.conn.ConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Translates SDK failures into {@link StorageException}s whose message names the bucket, endpoint or key
 * and the next step. Messages never contain object content. Keys are random ids, so they may appear.
 */
final class S3Errors {

    private static final Logger LOG = LoggerFactory.getLogger(S3Errors.class);

    private final StorageSettings settings;

    S3Errors(StorageSettings settings) {
        this.settings = settings;
    }

    /**
     * Returns the exception to throw for a failed S3 call, and logs the failure.
     *
     * @param operation what was attempted, in plain words ("upload", "download", "list")
     * @param key the object key or prefix involved, or {@code null} for bucket-level calls
     */
    StorageException translate(String operation, String key, SdkException failure) {
        StorageException translated = failure instanceof AwsServiceException service
                ? fromService(operation, key, service)
                : fromClient(operation, key, failure);
        LOG.warn("S3 {} failed for {} in bucket {}: {} ({})", operation, key == null ? "the bucket" : key,
                settings.bucket(), translated.errorCode(), failure.getMessage());
        return translated;
    }

    private StorageException fromService(String operation, String key, AwsServiceException failure) {
        int status = failure.statusCode();
        String code = failure.awsErrorDetails() == null ? null : failure.awsErrorDetails().errorCode();
        String bucket = settings.bucket();
        String endpoint = settings.endpoint().toString();

        if ("RequestTimeTooSkewed".equals(code)) {
            return new StorageException("SD-S3-CLOCK-SKEW", "S3 at " + endpoint
                    + " rejected the request because this computer's clock differs too much from the server's; "
                    + "set the clock to the correct time (turn on automatic time) and try again.", failure);
        }
        if ("NoSuchBucket".equals(code)) {
            return new StorageException("SD-S3-NO-BUCKET", "The bucket " + bucket + " does not exist at " + endpoint
                    + "; check the bucket name in the settings or create the bucket.", failure);
        }
        if (status == 403) {
            return new StorageException("SD-S3-ACCESS-DENIED", "S3 at " + endpoint + " denied access to bucket " + bucket
                    + describeCode(code) + "; check the access key, the secret key and the bucket policy.", failure);
        }
        if (status == 404) {
            return new StorageException("SD-S3-NOT-FOUND", "The object " + key + " was not found in bucket " + bucket
                    + "; it may have been deleted on another computer, so refresh the document list.", failure);
        }
        if (status == 416) {
            return new StorageException("SD-S3-INVALID-RANGE", "The requested byte range lies outside object " + key
                    + " in bucket " + bucket + "; the object may be damaged or shorter than expected.", failure);
        }
        return new StorageException("SD-S3-FAILED", "S3 " + operation + " of " + (key == null ? "bucket " : key + " in bucket ")
                + bucket + " failed with status " + status + describeCode(code) + describeAttempts(failure)
                + "; try again later, and tell IT if it keeps failing.", failure);
    }

    private StorageException fromClient(String operation, String key, SdkException failure) {
        String endpoint = settings.endpoint().toString();
        if (hasCause(failure, UnknownHostException.class)) {
            return new StorageException("SD-S3-UNREACHABLE", "The host name of the S3 endpoint " + endpoint
                    + " could not be resolved; check the network connection and the endpoint URL.", failure);
        }
        if (hasCause(failure, ConnectException.class) || hasCause(failure, NoRouteToHostException.class)
                || hasCause(failure, ConnectTimeoutException.class)) {
            return new StorageException("SD-S3-UNREACHABLE", "Could not connect to the S3 endpoint " + endpoint
                    + "; check the network connection and the endpoint URL.", failure);
        }
        if (hasCause(failure, SSLException.class)) {
            return new StorageException("SD-S3-TLS", "The TLS connection to the S3 endpoint " + endpoint
                    + " failed; check that the URL is right and that its certificate is trusted on this computer.", failure);
        }
        if (hasCause(failure, StalledBodyException.class)) {
            return new StorageException("SD-S3-TIMEOUT", "The S3 endpoint " + endpoint + " accepted no bytes of the "
                    + operation + " of " + key + " for the socket timeout" + describeAttempts(failure)
                    + "; check the network connection and try again.", failure);
        }
        if (hasCause(failure, SocketTimeoutException.class) || failure instanceof ApiCallTimeoutException
                || failure instanceof ApiCallAttemptTimeoutException) {
            return new StorageException("SD-S3-TIMEOUT", "The S3 endpoint " + endpoint + " did not respond to the "
                    + operation + " of " + (key == null ? "bucket " + settings.bucket() : key)
                    + " in time" + describeAttempts(failure) + "; check the network connection and try again.", failure);
        }
        // Checked after ConnectException, which is also a SocketException. This branch matches a connection
        // that was open and then reset or closed before the response arrived.
        if (hasCause(failure, SocketException.class) || hasCause(failure, NoHttpResponseException.class)) {
            return new StorageException("SD-S3-FAILED", "The connection to the S3 endpoint " + endpoint + " broke during the "
                    + operation + " of " + (key == null ? "bucket " + settings.bucket() : key) + describeAttempts(failure)
                    + "; check the network connection and try again.", failure);
        }
        // The SDK reports a credential chain that found nothing only through this message text (2.59.1).
        if (String.valueOf(failure.getMessage()).startsWith("Unable to load credentials")) {
            return new StorageException("SD-S3-NO-CREDENTIALS", "No AWS credentials were found for the S3 endpoint "
                    + endpoint + "; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or an AWS profile, and try again.",
                    failure);
        }
        return new StorageException("SD-S3-FAILED", "S3 " + operation + " of "
                + (key == null ? "bucket " + settings.bucket() : key) + " failed before the endpoint " + endpoint
                + " responded (" + failure.getClass().getSimpleName() + ")" + describeAttempts(failure) + "; try again, and tell IT if it keeps failing.",
                failure);
    }

    private static String describeCode(String code) {
        return code == null || code.isBlank() ? "" : " (" + code + ")";
    }

    /** Returns " after N attempts" when the SDK retried the request, else an empty string. */
    private static String describeAttempts(SdkException failure) {
        Integer attempts = failure.numAttempts();
        return attempts == null || attempts < 2 ? "" : " after " + attempts + " attempts";
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
