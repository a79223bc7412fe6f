package org.sealdrop.doctor;

import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/** Versioning of the bucket is enabled (GetBucketVersioning), so an overwritten or deleted object can be restored. */
public final class VersioningCheck extends BucketRequestCheck {

    public VersioningCheck(S3Client client, String bucket) {
        super(client, bucket);
    }

    @Override
    String name() {
        return "versioning";
    }

    @Override
    CheckResult request() {
        BucketVersioningStatus status = client.getBucketVersioning(request -> request.bucket(bucket)).status();
        if (status == BucketVersioningStatus.ENABLED) {
            return CheckResult.ok(name(), "enabled");
        }
        return CheckResult.fail(name(), "Versioning is " + (status == null ? "off" : status.toString().toLowerCase(
                java.util.Locale.ROOT)) + ".", "Enable versioning on the bucket (s3:PutBucketVersioning), or ask IT to.");
    }

    @Override
    CheckResult missing(String errorCode) {
        return CheckResult.fail(name(), "Versioning is off (" + errorCode + ").",
                "Enable versioning on the bucket (s3:PutBucketVersioning), or ask IT to.");
    }

    @Override
    Set<String> missingCodes() {
        return Set.of();
    }
}
