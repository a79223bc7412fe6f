package org.sealdrop.storage;

import java.util.List;
import java.util.Optional;

/**
 * Durable record of a multipart upload's progress, kept by the caller so that a later run can
 * continue the upload after a crash. {@link ObjectStore#put(String, java.io.InputStream, long,
 * java.util.Map, java.util.function.LongConsumer, MultipartJournal)} calls it; a single PutObject
 * calls nothing.
 */
public interface MultipartJournal {

    /** A journal that records nothing and never resumes. */
    MultipartJournal NONE = new MultipartJournal() {
        @Override
        public Optional<EarlierUpload> earlierUpload() {
            return Optional.empty();
        }

        @Override
        public void started(String uploadId, long partSize) {
        }

        @Override
        public void partSent(SentPart part) {
        }
    };

    /** Returns the multipart upload of an earlier run to continue, or empty to create a new one. */
    Optional<EarlierUpload> earlierUpload();

    /**
     * Records that a new multipart upload was created, before its first part is sent. Parts recorded
     * for an earlier upload id are void from then on: this is also called when the earlier upload no
     * longer exists in the bucket and the upload starts again from part 1.
     */
    void started(String uploadId, long partSize);

    /** Records a part as soon as S3 accepted it. Called from the threads that send parts, one call at a time per part. */
    void partSent(SentPart part);

    /**
     * The state of an interrupted multipart upload.
     *
     * @param uploadId S3's multipart upload id
     * @param partSize the part size that upload used; a resumed run cuts its parts at the same offsets
     * @param parts parts recorded as accepted, in any order
     */
    record EarlierUpload(String uploadId, long partSize, List<SentPart> parts) {

        public EarlierUpload {
            parts = List.copyOf(parts);
        }
    }
}
