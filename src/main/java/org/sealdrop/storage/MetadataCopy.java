package org.sealdrop.storage;

import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The server-side CopyObject of an object onto itself behind {@link ObjectStore#replaceMetadata}. */
final class MetadataCopy {

    private final S3Client s3;
    private final String bucket;
    private final S3Errors errors;

    MetadataCopy(S3Client s3, String bucket, S3Errors errors) {
        this.s3 = s3;
        this.bucket = bucket;
        this.errors = errors;
    }

    /** Replaces the user metadata of {@code key} while its ETag is still {@code expectedETag}, and returns the new ETag. */
    String replace(String key, String expectedETag, Map<String, String> checkedMetadata) {
        try {
            CopyObjectResponse response = s3.copyObject(copy -> copy
                    .sourceBucket(bucket).sourceKey(key)
                    .destinationBucket(bucket).destinationKey(key)
                    .copySourceIfMatch("\"" + expectedETag + "\"")
                    .metadataDirective(MetadataDirective.REPLACE)
                    .metadata(checkedMetadata));
            return ObjectStore.stripQuotes(response.copyObjectResult().eTag());
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                throw new StorageException("SD-S3-CHANGED", "The object " + key + " in bucket " + bucket
                        + " changed while its metadata was being replaced; read it again and retry.", e);
            }
            throw errors.translate("metadata copy", key, e);
        } catch (SdkException e) {
            throw errors.translate("metadata copy", key, e);
        }
    }
}
