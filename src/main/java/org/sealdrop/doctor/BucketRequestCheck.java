package org.sealdrop.doctor;

import java.util.Set;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A read-only bucket configuration request. A store that does not implement the request (S3Proxy and
 * some S3-compatible stores answer NotImplemented, 501 or 405) gives {@code skip}; a configuration that
 * is missing (the store's "No such …" answer) gives FAIL with the fix.
 */
abstract class BucketRequestCheck implements DoctorCheck {

    private static final Set<String> NOT_IMPLEMENTED = Set.of("NotImplemented", "MethodNotAllowed",
            "UnsupportedOperation", "XNotImplemented");

    protected final S3Client client;
    protected final String bucket;

    BucketRequestCheck(S3Client client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    /** Name printed on the checklist line. */
    abstract String name();

    /** Sends the request and judges the answer; may throw the SDK's exceptions. */
    abstract CheckResult request();

    /** Result for a store answer that means the configuration is not set. */
    abstract CheckResult missing(String errorCode);

    /** Error codes by which the store says the configuration is not set. */
    abstract Set<String> missingCodes();

    @Override
    public final CheckResult run() {
        try {
            return request();
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                    ? "HTTP " + e.statusCode() : e.awsErrorDetails().errorCode();
            if (missingCodes().contains(code)) {
                return missing(code);
            }
            if (NOT_IMPLEMENTED.contains(code) || e.statusCode() == 501 || e.statusCode() == 405) {
                return CheckResult.skip(name(), "the store does not support this request (" + code + ")");
            }
            if (e.statusCode() == 403) {
                return CheckResult.skip(name(), "the access key may not read this setting (" + code + "); "
                        + "IT can check it with an administrator key");
            }
            return CheckResult.fail(name(), "The store answered " + code + ".", "Run `sealdrop doctor` again; "
                    + "if it persists, tell IT the error code.");
        } catch (SdkClientException e) {
            return CheckResult.skip(name(), "the store could not be asked (" + e.getClass().getSimpleName() + ")");
        }
    }
}
