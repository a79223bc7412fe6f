package org.sealdrop.storage;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The vault's bucket: upload, download, ranged download, head, list and delete of objects.
 *
 * <p>Every method takes a full object key, which {@link #key(String)} builds under the vault prefix.
 * Every S3 failure becomes a {@link StorageException} whose error code identifies the kind of failure.
 * Methods may be called from several threads at once, because the SDK client is thread-safe.
 */
public final class ObjectStore implements AutoCloseable {

    /** Page size of {@link #list(String)}, which is also the maximum because S3 returns at most 1000 keys per request. */
    public static final int DEFAULT_LIST_PAGE_SIZE = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(ObjectStore.class);

    private final StorageSettings settings;
    private final ConnectionSettings connection;
    private final S3Client s3;
    private final S3Errors errors;
    private final ObjectUploader uploader;

    /** Creates a store with {@link ConnectionSettings#defaults()}. No request is sent until the first call. */
    public ObjectStore(StorageSettings settings, AwsCredentialsProvider credentials) {
        this(settings, credentials, ConnectionSettings.defaults());
    }

    /** Creates a store with the given timeouts and attempt count. No request is sent until the first call. */
    public ObjectStore(StorageSettings settings, AwsCredentialsProvider credentials, ConnectionSettings connection) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.s3 = S3ClientFactory.create(settings, connection,
                Objects.requireNonNull(credentials, "credentials"));
        this.errors = new S3Errors(settings);
        this.uploader = new ObjectUploader(s3, settings, errors);
    }

    public StorageSettings settings() {
        return settings;
    }

    /** Returns the full key of {@code relativeKey} under the vault prefix. */
    public String key(String relativeKey) {
        if (relativeKey == null || relativeKey.isEmpty()) {
            throw new IllegalArgumentException("relativeKey must not be empty");
        }
        return settings.prefix() + relativeKey;
    }

    /**
     * Uploads exactly {@code length} bytes from {@code content}, read once and in order, and returns what S3
     * then reports about the object.
     *
     * <p>Up to the multipart threshold this is one PutObject. Above it, a multipart upload sends parts of
     * the configured part size (grown when more than 10,000 parts would be needed), so every part but the
     * last is at least 5 MiB. This thread reads the parts in order into buffers, and up to
     * {@link StorageSettings#parallelism()} of them are sent at the same time; {@code content} is read to
     * its end before CompleteMultipartUpload. When any step fails, the multipart upload is aborted so that
     * no parts stay behind. After the upload, a HEAD request confirms that the stored size equals
     * {@code length} and that the ETag's part count ({@code -N}) equals the number of parts sent; on a
     * mismatch the object is deleted. Bytes after {@code length} are left unread, and the stream is not
     * closed.
     *
     * @param metadata S3 user metadata: lowercase names, printable ASCII values, at most 2 KiB in total.
     *     S3 stores it in clear, so it must never contain PHI or secrets.
     * @param progress receives the growing number of bytes sent so far, from the threads that send the
     *     parts but one call at a time, or null for no reports
     * @throws StorageException {@code SD-S3-SHORT-CONTENT} when the stream ends early,
     *     {@code SD-S3-SOURCE-FAILED} when it throws an IOException, {@code SD-S3-SIZE-MISMATCH} when the
     *     stored size or part count differs, {@code SD-S3-INTERRUPTED} when the thread is interrupted while
     *     it waits for a part buffer, {@code SD-S3-TIMEOUT} when a request body stalls in every attempt (see
     *     {@link #put(String, InputStream, long, Map, LongConsumer, BooleanSupplier)}), or any code of a
     *     failed S3 call. Unchecked exceptions thrown by {@code content} itself propagate unchanged after
     *     the abort.
     */
    public ObjectInfo put(String key, InputStream content, long length, Map<String, String> metadata,
            LongConsumer progress) {
        return put(key, content, length, metadata, progress, MultipartJournal.NONE, () -> false);
    }

    /**
     * Uploads as {@link #put(String, InputStream, long, Map, LongConsumer)} does, with a journal for resume
     * and a cancel flag.
     *
     * <p>The journal records a multipart upload's id and parts as S3 accepts them. When it names an earlier
     * upload that S3 still stores, the parts it recorded and S3 lists are not sent again: their bytes are
     * still read from {@code content} and must have the recorded SHA-256. When that earlier upload no
     * longer exists, a new one starts from part 1 and the journal records its id. A failure in this run
     * aborts the multipart upload as before. Only a run that ends without a chance to abort (a crash or a
     * kill) leaves an upload to resume.
     *
     * <p>The cancel flag is polled a few times a second. Once it is true, reading the content stops,
     * requests in flight are aborted (their connections closed), and a multipart upload is aborted, so no
     * parts stay behind. Socket writes have no timeout of their own, so a request body that the endpoint
     * accepts no byte of for the socket timeout of {@link ConnectionSettings} has its attempt aborted and
     * retried. When the last attempt stalls too, the upload fails and is aborted as on any failure. Once
     * CompleteMultipartUpload or a single PutObject has finished, a cancel no longer stops the upload: the
     * caller then checks its flag again and deletes the object.
     *
     * @param journal {@link MultipartJournal#NONE} when the upload is not to be resumed
     * @param cancelRequested returns true once the caller wants the upload stopped; called from another
     *     thread, so it must be thread-safe and fast
     * @throws StorageException {@code SD-CANCELLED} when the upload was cancelled, {@code SD-S3-TIMEOUT}
     *     when a request body stalled in every attempt, {@code SD-S3-PART-CHANGED} when a part already
     *     stored differs from the same part of {@code content} (after the multipart upload was aborted), or
     *     as the other {@code put}
     */
    public ObjectInfo put(String key, InputStream content, long length, Map<String, String> metadata,
            LongConsumer progress, MultipartJournal journal, BooleanSupplier cancelRequested) {
        requireKey(key);
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(cancelRequested, "cancelRequested");
        Objects.requireNonNull(content, "content");
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative: " + length);
        }
        Map<String, String> checkedMetadata = UserMetadata.requireValid(metadata, key);

        int parts;
        try (UploadWatch watch = new UploadWatch(key, connection.socketTimeout(), cancelRequested)) {
            parts = uploader.upload(key, new ContentSource(content, length, key), length, checkedMetadata,
                    new UploadProgress(progress), journal, watch);
        }
        return readBack(key, length, parts);
    }

    /**
     * Uploads a small object, such as the vault key file, in one PutObject.
     *
     * @throws StorageException with the code of the failed S3 call
     */
    public void putSmall(String key, byte[] content, Map<String, String> metadata) {
        requireKey(key);
        Objects.requireNonNull(content, "content");
        Map<String, String> checkedMetadata = UserMetadata.requireValid(metadata, key);
        try {
            s3.putObject(put -> put.bucket(settings.bucket()).key(key).metadata(checkedMetadata),
                    RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw errors.translate("upload", key, e);
        }
    }

    /**
     * Opens the whole object as a stream, which the caller must close. Closing it before the end drops
     * the connection rather than downloading the rest.
     *
     * @throws StorageException {@code SD-S3-NOT-FOUND} when the object does not exist, or the code of the
     *     failed S3 call. Reading the stream throws StorageException {@code SD-S3-TIMEOUT} when no byte
     *     arrives for the socket timeout, and may throw an IOException when the connection breaks.
     */
    public InputStream get(String key) {
        try {
            return new ObjectStream(s3.getObject(get -> get.bucket(settings.bucket()).key(requireKey(key))),
                    stalledMessage(key));
        } catch (SdkException e) {
            throw errors.translate("download", key, e);
        }
    }

    /**
     * Opens bytes {@code firstByte} to {@code lastByteInclusive} of the object as a stream, which the caller
     * must close. When the range reaches past the end of the object, the stream ends at the object's end.
     *
     * @throws StorageException {@code SD-S3-INVALID-RANGE} when {@code firstByte} is past the end of the
     *     object, {@code SD-S3-NOT-FOUND} when the object does not exist, or the code of the failed S3 call.
     *     Reading the stream fails as for {@link #get(String)}.
     */
    public InputStream getRange(String key, long firstByte, long lastByteInclusive) {
        if (firstByte < 0 || lastByteInclusive < firstByte) {
            throw new IllegalArgumentException("invalid byte range " + firstByte + "-" + lastByteInclusive);
        }
        String range = "bytes=" + firstByte + "-" + lastByteInclusive;
        try {
            return new ObjectStream(s3.getObject(get -> get.bucket(settings.bucket()).key(requireKey(key)).range(range)),
                    stalledMessage(key));
        } catch (SdkException e) {
            throw errors.translate("ranged download", key, e);
        }
    }

    /**
     * Returns the small object's bytes, or empty when it does not exist.
     *
     * @throws StorageException {@code SD-S3-NO-BUCKET} when the bucket is missing, {@code SD-S3-TOO-LARGE}
     *     when the object has more than 1 MiB, or the code of the failed S3 call or read
     */
    public Optional<byte[]> getSmall(String key) {
        try {
            return Optional.of(SmallObjects.readAll(s3.getObject(get -> get.bucket(settings.bucket()).key(requireKey(key))),
                    key, "bucket " + settings.bucket() + " at " + settings.endpoint()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw errors.translate("download", key, e);
        }
    }

    /**
     * Returns the object's size, ETag and user metadata, or empty when S3 responds with 404. A HEAD
     * response has no body, so a missing bucket also returns empty here. {@link #verifyBucket()} tells
     * the two cases apart.
     *
     * @throws StorageException with the code of the failed S3 call
     */
    public Optional<ObjectInfo> head(String key) {
        try {
            HeadObjectResponse response = s3.headObject(head -> head.bucket(settings.bucket()).key(requireKey(key)));
            return Optional.of(new ObjectInfo(key, response.contentLength(), stripQuotes(response.eTag()),
                    response.metadata(), response.lastModified()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw errors.translate("head", key, e);
        }
    }

    /**
     * Lists every object under the vault prefix plus {@code relativePrefix}, across all pages, with full
     * keys in S3's (lexicographic) order. Listings carry no user metadata, so {@link ObjectInfo#metadata()}
     * is empty.
     *
     * @throws StorageException with the code of the failed S3 call
     */
    public List<ObjectInfo> list(String relativePrefix) {
        return list(relativePrefix, DEFAULT_LIST_PAGE_SIZE);
    }

    /** Same as {@link #list(String)}, asking S3 for at most {@code pageSize} keys per request. */
    public List<ObjectInfo> list(String relativePrefix, int pageSize) {
        if (pageSize < 1 || pageSize > DEFAULT_LIST_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be 1 to 1000: " + pageSize);
        }
        String prefix = settings.prefix() + (relativePrefix == null ? "" : relativePrefix);
        try {
            return BucketListing.listAll(s3, settings.bucket(), prefix, pageSize, settings.endpoint().toString());
        } catch (SdkException e) {
            throw errors.translate("list", prefix, e);
        }
    }

    /**
     * Replaces the object's user metadata with {@code metadata} by a server-side CopyObject of the
     * object onto itself ({@code MetadataDirective.REPLACE}), so no content travels: the request and
     * response carry only headers and a short XML result. Pass every metadata entry to keep, because
     * entries missing from {@code metadata} are dropped. The copy happens only while the object's ETag
     * is still {@code expectedETag} ({@code x-amz-copy-source-if-match}), so a change made since the
     * caller's HEAD is never overwritten.
     *
     * <p>NOTE: S3 copies objects of at most 5 GiB in one CopyObject; larger objects fail with the S3
     * error code, because a multipart copy (UploadPartCopy) is not implemented.
     *
     * @param metadata the complete new user metadata, with the rules of {@link #put}
     * @return the object's new ETag, without quotes
     * @throws StorageException {@code SD-S3-CHANGED} when the ETag no longer matches,
     *     {@code SD-S3-NOT-FOUND} when the object is gone, or the code of the failed S3 call
     */
    public String replaceMetadata(String key, String expectedETag, Map<String, String> metadata) {
        requireKey(key);
        Objects.requireNonNull(expectedETag, "expectedETag");
        return new MetadataCopy(s3, settings.bucket(), errors).replace(key, expectedETag,
                UserMetadata.requireValid(metadata, key));
    }

    /**
     * Deletes the object. Deleting a missing object succeeds, as in S3.
     *
     * @throws StorageException with the code of the failed S3 call
     */
    public void delete(String key) {
        try {
            s3.deleteObject(delete -> delete.bucket(settings.bucket()).key(requireKey(key)));
        } catch (SdkException e) {
            throw errors.translate("delete", key, e);
        }
    }

    /**
     * Checks that the bucket exists and that the credentials may use it, with one HEAD request.
     *
     * @throws StorageException {@code SD-S3-NO-BUCKET}, {@code SD-S3-ACCESS-DENIED}, {@code SD-S3-UNREACHABLE}
     *     or the code of another failure
     */
    public void verifyBucket() {
        try {
            s3.headBucket(head -> head.bucket(settings.bucket()));
        } catch (SdkException e) {
            if (e instanceof S3Exception s3Failure && s3Failure.statusCode() == 404) {
                throw new StorageException("SD-S3-NO-BUCKET", "The bucket " + settings.bucket() + " does not exist at "
                        + settings.endpoint() + "; check the bucket name in the settings or create the bucket.", e);
            }
            throw errors.translate("bucket check", null, e);
        }
    }

    /**
     * Lists the multipart uploads under the vault prefix plus {@code relativePrefix} that were neither
     * completed nor aborted, with the number and bytes of their parts (one ListParts request each).
     *
     * @throws StorageException with the code of the failed S3 call
     */
    public List<PendingMultipartUpload> pendingMultipartUploads(String relativePrefix) {
        return uploader.multipart().pending(settings.prefix() + (relativePrefix == null ? "" : relativePrefix));
    }

    /**
     * Aborts a multipart upload, so S3 deletes its parts. Aborting an upload that no longer exists succeeds.
     *
     * @throws StorageException with the code of the failed S3 call
     */
    public void abortMultipartUpload(String key, String uploadId) {
        uploader.multipart().abort(requireKey(key), Objects.requireNonNull(uploadId, "uploadId"));
    }

    /** Closes the SDK client and its connection pool. */
    @Override
    public void close() {
        s3.close();
    }

    /**
     * Test hook: receives the size of every multipart part that S3 accepted, in part-number order, once
     * all parts of the upload have finished.
     */
    void observeParts(LongConsumer observer) {
        uploader.observeParts(observer);
    }

    /** Confirms what S3 stored against what was sent, and deletes the object when they differ. */
    private ObjectInfo readBack(String key, long length, int parts) {
        ObjectInfo stored = head(key).orElseThrow(() -> new StorageException("SD-S3-SIZE-MISMATCH", "S3 reports object "
                + key + " missing right after its upload to bucket " + settings.bucket() + "; upload it again."));
        try {
            StoredObjectCheck.requireMatch(stored, length, parts, settings.bucket());
        } catch (StorageException e) {
            deleteAfterMismatch(key);
            throw e;
        }
        return stored;
    }

    private void deleteAfterMismatch(String key) {
        try {
            delete(key);
        } catch (StorageException e) {
            LOG.error("Object {} could not be deleted after its read-back check failed: {}", key, e.errorCode());
        }
    }

    private String stalledMessage(String key) {
        return "The download of " + key + " from bucket " + settings.bucket() + " at " + settings.endpoint()
                + " stopped receiving data; check the network connection and open the document again.";
    }

    private static String requireKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
        return key;
    }

    static String stripQuotes(String eTag) {
        if (eTag != null && eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")) {
            return eTag.substring(1, eTag.length() - 1);
        }
        return eTag;
    }
}
