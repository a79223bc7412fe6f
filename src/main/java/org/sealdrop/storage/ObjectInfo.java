package org.sealdrop.storage;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Size, ETag, user metadata and modification time that S3 reports for one stored object.
 *
 * @param key the full object key, including the vault prefix
 * @param size the object's size in bytes
 * @param eTag the entity tag without surrounding quotes. On Amazon S3 and S3Proxy, the tag of a
 *     multipart upload ends in {@code -N}, where N is the number of parts.
 * @param metadata the user metadata without the {@code x-amz-meta-} prefix. It is empty in results of
 *     {@link ObjectStore#list}, because S3 listings do not carry user metadata.
 * @param lastModified when S3 stored the object
 */
public record ObjectInfo(String key, long size, String eTag, Map<String, String> metadata, Instant lastModified) {

    public ObjectInfo {
        Objects.requireNonNull(key, "key");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
