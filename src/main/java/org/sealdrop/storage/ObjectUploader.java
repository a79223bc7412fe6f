package org.sealdrop.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Sends one object as a single PutObject or, above the multipart threshold, as a multipart upload whose
 * parts are read one after another and sent by a {@link PartPool} of {@code parallelism} threads.
 *
 * <p>Memory per upload is one buffer of {@code min(length, multipartThreshold)} bytes for a single
 * PutObject, or {@code parallelism + 1} buffers of the part size for a multipart upload. Buffers are
 * kept (not streamed) so that the SDK can resend them on a retry.
 *
 * <p>A {@link MultipartJournal} records the upload id and every accepted part, so that a run after a
 * crash continues the upload: it reads the content again from the start, compares each part that S3
 * still stores with the SHA-256 recorded for it, and sends only the other parts.
 */
final class ObjectUploader {

    /** S3 accepts at most this many parts in one multipart upload. */
    static final int MAX_PARTS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(ObjectUploader.class);
    private static final long MIB = 1024L * 1024;

    /** Error code when a part that an earlier run sent differs from the same part read now. */
    static final String PART_CHANGED = "SD-S3-PART-CHANGED";

    private final S3Client s3;
    private final StorageSettings settings;
    private final S3Errors errors;
    private final MultipartUploads multipart;
    private volatile LongConsumer partObserver = size -> { };

    ObjectUploader(S3Client s3, StorageSettings settings, S3Errors errors) {
        this.s3 = s3;
        this.settings = settings;
        this.errors = errors;
        this.multipart = new MultipartUploads(s3, settings, errors);
    }

    /**
     * Test hook: receives the size of every multipart part that S3 accepted, in part-number order, once
     * all parts of the upload have finished.
     */
    void observeParts(LongConsumer observer) {
        this.partObserver = observer;
    }

    MultipartUploads multipart() {
        return multipart;
    }

    /** The multipart upload that parts go to, with the parts an earlier run already stored there. */
    private record MultipartStart(String uploadId, long partSize, Map<Integer, SentPart> storedParts) {
    }

    /** Uploads the object and returns the number of multipart parts sent, or 0 for a single PutObject. */
    int upload(String key, ContentSource source, long length, Map<String, String> metadata, UploadProgress progress,
            MultipartJournal journal, UploadWatch watch) {
        if (length <= settings.multipartThreshold()) {
            putSingle(key, source, (int) length, metadata, progress, watch);
            return 0;
        }
        return putMultipart(key, source, length, metadata, progress, journal, watch);
    }

    private void putSingle(String key, ContentSource source, int length, Map<String, String> metadata,
            UploadProgress progress, UploadWatch watch) {
        byte[] buffer = new byte[length];
        source.readFully(buffer, length);
        watch.throwIfCancelled();

        PutObjectRequest request = PutObjectRequest.builder()
                .bucket(settings.bucket())
                .key(key)
                .metadata(metadata)
                .contentLength((long) length)
                .build();
        try {
            UploadWatch.Body body = watch.body();
            watch.send(body, () -> s3.putObject(request, BufferBody.of(buffer, length, progress.part(), body)));
        } catch (SdkException e) {
            throw errors.translate("upload", key, e);
        }
    }

    /**
     * Reads the parts in order on this thread and sends them from a pool. The content is read to its
     * end before CompleteMultipartUpload, so a check that the content stream makes at its end (such as
     * the encryptor's SHA-256 of the source) fails the upload before the object exists.
     */
    private int putMultipart(String key, ContentSource source, long length, Map<String, String> metadata,
            UploadProgress progress, MultipartJournal journal, UploadWatch watch) {
        MultipartStart start = startOrContinue(key, length, metadata, journal);
        String uploadId = start.uploadId();
        long partSize = start.partSize();

        boolean completed = false;
        PartPool pool = new PartPool((partNumber, buffer, size) -> uploadPart(key, uploadId, partNumber, buffer, size,
                progress.part(), journal, watch), key, settings.parallelism(), (int) Math.min(partSize, length),
                watch);
        try {
            List<CompletedPart> parts = new ArrayList<>();
            try (pool) {
                long offset = 0;
                for (int partNumber = 1; offset < length; partNumber++) {
                    int size = (int) Math.min(partSize, length - offset);
                    byte[] buffer = pool.freeBuffer();
                    pool.throwIfFailed();
                    watch.throwIfCancelled();
                    source.readFully(buffer, size);
                    SentPart stored = start.storedParts().get(partNumber);
                    if (stored != null) {
                        parts.add(requireSameBytes(key, stored, buffer, size));
                        pool.release(buffer);
                        progress.part().report(size);
                    } else {
                        pool.submit(partNumber, buffer, size);
                    }
                    offset += size;
                }
                parts.addAll(pool.awaitAll());
            } finally {
                pool.acceptedSizes().forEach(size -> partObserver.accept(size));
            }
            parts.sort(Comparator.comparing(CompletedPart::partNumber));
            // The last check: once CompleteMultipartUpload has run, a cancel no longer stops the object.
            watch.throwIfCancelled();

            s3.completeMultipartUpload(complete -> complete.bucket(settings.bucket()).key(key).uploadId(uploadId)
                    .multipartUpload(upload -> upload.parts(parts)));
            completed = true;
            LOG.info("Completed multipart upload {} of key {} with {} parts, {} of them sent in an earlier run",
                    uploadId, key, parts.size(), start.storedParts().size());
            return parts.size();
        } catch (SdkException e) {
            throw errors.translate("upload", key, e);
        } finally {
            if (!completed) {
                abort(key, uploadId);
            }
        }
    }

    /**
     * Continues the journal's earlier multipart upload when S3 still has it. Only the recorded parts that
     * S3 lists with the same size and ETag count as stored. Otherwise a new upload is created and recorded.
     */
    private MultipartStart startOrContinue(String key, long length, Map<String, String> metadata,
            MultipartJournal journal) {
        Optional<MultipartJournal.EarlierUpload> earlier = journal.earlierUpload();
        if (earlier.isPresent()) {
            String earlierId = earlier.get().uploadId();
            Optional<List<Part>> stored = multipart.parts(key, earlierId);
            if (stored.isPresent()) {
                Map<Integer, SentPart> confirmed = stillStored(earlier.get().parts(), stored.get());
                LOG.info("Continuing multipart upload {} of key {}: {} of {} recorded parts are still stored", earlierId,
                        key, confirmed.size(), earlier.get().parts().size());
                return new MultipartStart(earlierId, earlier.get().partSize(), confirmed);
            }
            LOG.warn("Multipart upload {} of key {} no longer exists, so the upload starts again from part 1",
                    earlierId, key);
        }

        long partSize = partSizeFor(key, length);
        String uploadId = createUpload(key, metadata);
        try {
            journal.started(uploadId, partSize);
        } catch (RuntimeException e) {
            abort(key, uploadId);
            throw e;
        }
        LOG.info("Started multipart upload {} of key {}: {} bytes in parts of {} bytes, {} at a time", uploadId, key,
                length, partSize, settings.parallelism());
        return new MultipartStart(uploadId, partSize, Map.of());
    }

    private static Map<Integer, SentPart> stillStored(List<SentPart> recorded, List<Part> listed) {
        Map<Integer, Part> byNumber = new HashMap<>();
        listed.forEach(part -> byNumber.put(part.partNumber(), part));
        Map<Integer, SentPart> confirmed = new HashMap<>();
        for (SentPart part : recorded) {
            Part stored = byNumber.get(part.partNumber());
            if (stored != null && stored.size() != null && stored.size() == part.size()
                    && part.eTag().equals(stripQuotes(stored.eTag()))) {
                confirmed.put(part.partNumber(), part);
            }
        }
        return confirmed;
    }

    /** Returns the stored part for CompleteMultipartUpload, after checking that this run would send the same bytes. */
    private static CompletedPart requireSameBytes(String key, SentPart stored, byte[] buffer, int size) {
        if (stored.size() != size || !MessageDigest.isEqual(stored.sha256(), sha256(buffer, size))) {
            throw new StorageException(PART_CHANGED, "Part " + stored.partNumber() + " of object " + key
                    + " differs from the part sent in an earlier run, so the content changed; upload it again.");
        }
        return CompletedPart.builder().partNumber(stored.partNumber()).eTag(stored.eTag())
                .checksumCRC32(stored.checksumCrc32()).build();
    }

    private String createUpload(String key, Map<String, String> metadata) {
        CreateMultipartUploadRequest.Builder request = CreateMultipartUploadRequest.builder()
                .bucket(settings.bucket())
                .key(key)
                .metadata(metadata);
        if (sendsChecksums()) {
            // The parts carry CRC32 checksums, so the upload must announce the same algorithm.
            request.checksumAlgorithm(ChecksumAlgorithm.CRC32);
        }
        try {
            return s3.createMultipartUpload(request.build()).uploadId();
        } catch (SdkException e) {
            throw errors.translate("upload", key, e);
        }
    }

    private CompletedPart uploadPart(String key, String uploadId, int partNumber, byte[] buffer, int size,
            UploadProgress.Part progress, MultipartJournal journal, UploadWatch watch) {
        byte[] partSha256 = sha256(buffer, size);
        UploadPartRequest.Builder request = UploadPartRequest.builder()
                .bucket(settings.bucket())
                .key(key)
                .uploadId(uploadId)
                .partNumber(partNumber)
                .contentLength((long) size);
        if (sendsChecksums()) {
            request.checksumAlgorithm(ChecksumAlgorithm.CRC32);
        }
        UploadPartResponse response;
        try {
            UploadWatch.Body body = watch.body();
            response = watch.send(body, () -> s3.uploadPart(request.build(), BufferBody.of(buffer, size, progress, body)));
        } catch (SdkException e) {
            throw errors.translate("upload of part " + partNumber, key, e);
        }

        if (response.eTag() == null || response.eTag().isBlank()) {
            // UploadPart returns the part's ETag, and CompleteMultipartUpload cannot name the part without it.
            throw new StorageException("SD-S3-FAILED", "S3 at " + settings.endpoint() + " accepted part " + partNumber
                    + " of " + key + " in bucket " + settings.bucket() + " without returning its ETag; check that the"
                    + " endpoint is an S3 service, and tell IT.");
        }
        CompletedPart.Builder part = CompletedPart.builder().partNumber(partNumber).eTag(response.eTag());
        if (sendsChecksums()) {
            part.checksumCRC32(response.checksumCRC32());
        }
        journal.partSent(new SentPart(partNumber, size, stripQuotes(response.eTag()),
                sendsChecksums() ? response.checksumCRC32() : null, partSha256));
        return part.build();
    }

    /** Aborts the upload so that no parts stay behind, even when the thread was interrupted. */
    private void abort(String key, String uploadId) {
        boolean interrupted = Thread.interrupted();
        try {
            s3.abortMultipartUpload(abort -> abort.bucket(settings.bucket()).key(key).uploadId(uploadId));
            LOG.warn("Aborted multipart upload {} of key {} after a failure", uploadId, key);
        } catch (SdkException e) {
            LOG.error("Could not abort multipart upload {} of key {}, so its parts stay in bucket {} until a lifecycle "
                    + "rule or a later cleanup removes them", uploadId, key, settings.bucket(), e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Returns the configured part size, grown in whole MiB when the object would need more than 10,000 parts. */
    private long partSizeFor(String key, long length) {
        long partSize = settings.partSize();
        long needed = ceilDiv(length, MAX_PARTS);
        if (needed > partSize) {
            partSize = ceilDiv(needed, MIB) * MIB;
            LOG.info("Key {} needs parts of {} bytes to stay within {} parts", key, partSize, MAX_PARTS);
        }
        if (partSize > StorageSettings.MAX_BUFFER_SIZE) {
            throw new StorageException("SD-S3-TOO-LARGE", "The object " + key + " of " + length
                    + " bytes is too large for a multipart upload of at most " + MAX_PARTS + " parts of "
                    + StorageSettings.MAX_BUFFER_SIZE + " bytes; split the document before adding it.");
        }
        return partSize;
    }

    private boolean sendsChecksums() {
        return settings.checksumMode() == ChecksumMode.WHEN_SUPPORTED;
    }

    private static byte[] sha256(byte[] buffer, int size) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(buffer, 0, size);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks SHA-256", e);
        }
    }

    private static String stripQuotes(String eTag) {
        if (eTag != null && eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")) {
            return eTag.substring(1, eTag.length() - 1);
        }
        return eTag;
    }

    private static long ceilDiv(long dividend, long divisor) {
        return (dividend + divisor - 1) / divisor;
    }
}
