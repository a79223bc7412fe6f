package org.sealdrop.storage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists every object under a prefix page by page with ListObjectsV2, and ends a listing that an
 * endpoint never lets finish. The SDK's paginator requests the next page for as long as the response
 * marks itself truncated, so an endpoint that keeps returning a continuation token it returned before
 * would hold the caller in an endless loop.
 */
final class BucketListing {

    // NOTE: an endpoint that returns new tokens forever still keeps the listing going, and its objects in memory.

    private BucketListing() {
    }

    /**
     * Returns the objects under {@code prefix} in S3's order.
     *
     * @throws StorageException {@code SD-S3-FAILED} when the endpoint returns a continuation token a
     *     second time, or marks a page truncated without giving a token
     * @throws software.amazon.awssdk.core.exception.SdkException when a request fails
     */
    static List<ObjectInfo> listAll(S3Client s3, String bucket, String prefix, int pageSize, String endpoint) {
        List<ObjectInfo> objects = new ArrayList<>();
        Set<String> seenTokens = new HashSet<>();
        String token = null;
        while (true) {
            String continuation = token;
            ListObjectsV2Response page = s3.listObjectsV2(request -> request.bucket(bucket).prefix(prefix)
                    .maxKeys(pageSize).continuationToken(continuation));
            for (S3Object object : page.contents()) {
                objects.add(new ObjectInfo(object.key(), object.size(), ObjectStore.stripQuotes(object.eTag()),
                        Map.of(), object.lastModified()));
            }
            if (!Boolean.TRUE.equals(page.isTruncated())) {
                return objects;
            }
            token = page.nextContinuationToken();
            if (token == null || token.isEmpty() || !seenTokens.add(token)) {
                throw new StorageException("SD-S3-FAILED", "S3 at " + endpoint + " never finished listing " + prefix
                        + " in bucket " + bucket + ": a page marked truncated repeats an earlier continuation token or"
                        + " has none; check that the endpoint is an S3 service, and tell IT.");
            }
        }
    }
}
