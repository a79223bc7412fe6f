package org.sealdrop.doctor;

import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/** All four public access block settings of the bucket are on (GetPublicAccessBlock). */
public final class PublicAccessBlockCheck extends BucketRequestCheck {

    private static final String FIX = "Turn on all four 'Block public access' settings of the bucket "
            + "(s3:PutBucketPublicAccessBlock), or ask IT to.";

    public PublicAccessBlockCheck(S3Client client, String bucket) {
        super(client, bucket);
    }

    @Override
    String name() {
        return "public access block";
    }

    @Override
    CheckResult request() {
        PublicAccessBlockConfiguration block = client.getPublicAccessBlock(request -> request.bucket(bucket))
                .publicAccessBlockConfiguration();
        boolean allOn = Boolean.TRUE.equals(block.blockPublicAcls()) && Boolean.TRUE.equals(block.ignorePublicAcls())
                && Boolean.TRUE.equals(block.blockPublicPolicy()) && Boolean.TRUE.equals(block.restrictPublicBuckets());
        return allOn ? CheckResult.ok(name(), "all four settings on")
                : CheckResult.fail(name(), "Not all four public access block settings are on.", FIX);
    }

    @Override
    CheckResult missing(String errorCode) {
        return CheckResult.fail(name(), "The bucket has no public access block (" + errorCode + ").", FIX);
    }

    @Override
    Set<String> missingCodes() {
        return Set.of("NoSuchPublicAccessBlockConfiguration");
    }
}
