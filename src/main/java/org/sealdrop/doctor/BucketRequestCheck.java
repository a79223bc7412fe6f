package org.sealdrop.doctor;

import java.util.Set;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A read-only bucket configuration request. A store that does not implement the request (it returns
 * NotImplemented, 501 or 405) gives {@code skip}. A missing configuration (an error code such as
 * NoSuchBucketPolicy) gives FAIL with the fix.
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

    /** Sends the request and judges the response. May throw the SDK's exceptions, which {@link #run()} maps. */
    abstract CheckResult request();

    /** Result for an error code from {@link #missingCodes()}. */
    abstract CheckResult missing(String errorCode);

    /** Error codes with which the store reports that the configuration is not set. */
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
