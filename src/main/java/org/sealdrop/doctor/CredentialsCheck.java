package org.sealdrop.doctor;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Credentials are found by the given provider (the desktop chain, which never requests the EC2 metadata
 * service) and the bucket accepts them. Only the access key id is shown, masked.
 */
public final class CredentialsCheck implements DoctorCheck {

    static final String NAME = "credentials";

    private final AwsCredentialsProvider provider;
    private final BucketProbe probe;

    public CredentialsCheck(AwsCredentialsProvider provider, BucketProbe probe) {
        this.provider = provider;
        this.probe = probe;
    }

    @Override
    public CheckResult run() {
        AwsCredentials credentials;
        try {
            credentials = provider.resolveCredentials();
        } catch (SdkClientException e) {
            return CheckResult.fail(NAME, "No S3 credentials were found on this computer.",
                    "Put the access key in ~/.aws/credentials (profile default or AWS_PROFILE), "
                            + "or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.");
        }
        String keyId = mask(credentials.accessKeyId());
        if (probe.status() == 403) {
            return CheckResult.fail(NAME, "The bucket " + probe.bucket() + " rejected the access key " + keyId
                    + " (HTTP 403).", "Check the secret key that belongs to " + keyId + ", or ask IT whether the "
                    + "key may use this bucket (s3:ListBucket and the object permissions).");
        }
        if (!probe.answered() || probe.status() == 404) {
            return CheckResult.skip(NAME, "access key " + keyId + " found; the bucket could not test it");
        }
        return CheckResult.ok(NAME, "access key " + keyId + " accepted by the bucket");
    }

    /** Shows the first and last four characters of an access key id, such as {@code AKIA…WXYZ}. */
    static String mask(String accessKeyId) {
        if (accessKeyId == null || accessKeyId.length() < 12) {
            return "…";
        }
        return accessKeyId.substring(0, 4) + "…" + accessKeyId.substring(accessKeyId.length() - 4);
    }
}
