package org.sealdrop.doctor;

import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The bucket has a default encryption rule (GetBucketEncryption). SealDrop encrypts every object
 * itself; this is the store's second layer, which the clinic's policy may require.
 */
public final class EncryptionCheck extends BucketRequestCheck {

    private static final String FIX = "Set default encryption on the bucket (SSE-S3 or SSE-KMS), or ask IT to.";

    public EncryptionCheck(S3Client client, String bucket) {
        super(client, bucket);
    }

    @Override
    String name() {
        return "default encryption";
    }

    @Override
    CheckResult request() {
        var rules = client.getBucketEncryption(request -> request.bucket(bucket))
                .serverSideEncryptionConfiguration().rules();
        if (rules.isEmpty() || rules.get(0).applyServerSideEncryptionByDefault() == null) {
            return CheckResult.fail(name(), "The bucket has no default encryption rule.", FIX);
        }
        return CheckResult.ok(name(), rules.get(0).applyServerSideEncryptionByDefault().sseAlgorithmAsString());
    }

    @Override
    CheckResult missing(String errorCode) {
        return CheckResult.fail(name(), "The bucket has no default encryption (" + errorCode + ").", FIX);
    }

    @Override
    Set<String> missingCodes() {
        return Set.of("ServerSideEncryptionConfigurationNotFoundError");
    }
}
