package org.sealdrop.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.sealdrop.SealDropException;
import org.sealdrop.audit.AuditAction;
import org.sealdrop.audit.Outcome;
import org.sealdrop.crypto.ObjectEncryptor;
import org.sealdrop.index.DocumentRecord;
import org.sealdrop.index.UploadSessions;
import org.sealdrop.storage.MultipartJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps a new upload and a resumed one share: send the ciphertext, then list the document and
 * record its audit event in the transaction that also deletes the upload session.
 */
final class UploadCompletion {

    private static final Logger LOG = LoggerFactory.getLogger(UploadCompletion.class);

    private final TransferContext context;
    private final UploadSessions sessions;

    UploadCompletion(TransferContext context) {
        this.context = context;
        this.sessions = new UploadSessions(context.database());
    }

    /**
     * Sends the object and lists {@code record} once S3 confirmed it and its read-back check passed.
     * The encrypt stream compares the second pass's length and SHA-256 with the snapshot before it
     * emits the last chunk, so a file that changed in between never completes an upload.
     */
    void sendAndList(Path file, String label, SourceSnapshot source, ObjectEncryptor encryptor, DocumentRecord record,
            ContentTag tag, MultipartJournal journal, Progress listener) {
        Map<String, String> objectMetadata = Map.of(
                Uploader.FORMAT_METADATA, "1",
                Uploader.WRAPPED_KEY_METADATA, Base64.getEncoder().encodeToString(record.wrappedKey()));
        long ciphertextLength = record.ciphertextSize();
        try (InputStream plaintext = Files.newInputStream(file)) {
            InputStream ciphertext = encryptor.encrypt(plaintext, source.size());
            context.store().put(record.objectKey(), ciphertext, ciphertextLength, objectMetadata,
                    sent -> listener.update(plaintextProgress(sent, ciphertextLength, source.size()), source.size()),
                    journal, listener::cancelRequested);
        } catch (IOException e) {
            throw SourceSnapshot.unreadable(label, e);
        }
        commitOrRemove(file, label, source, record, tag, listener);
    }

    /**
     * Lists the uploaded object in the index together with its audit event and content tag, and deletes
     * the upload session in the same transaction. When the upload was cancelled after S3 stored the
     * object, the source changed after the upload, or the index write fails, the object is deleted again
     * so that bucket and index agree.
     */
    private void commitOrRemove(Path file, String label, SourceSnapshot source, DocumentRecord record, ContentTag tag,
            Progress listener) {
        try {
            // NOTE: a cancel that arrives after this check is too late: the upload then completes.
            Cancellation.throwIfRequested(listener, "The upload of " + label);
            source.checkUnchanged(file, label);
            context.database().inTransaction(transaction -> {
                // An index sync may have listed the object between its upload and this insert. Its row is
                // then this object's, because only this upload has the document key that its check needs.
                context.index().insertIfAbsent(transaction, record);
                context.index().setContentTag(transaction, record.id(), tag.value(), tag.vaultKeyVersion());
                context.audit().record(transaction, AuditAction.UPLOAD, record.id(), Outcome.SUCCESS, null);
                sessions.delete(transaction, record.id());
                return null;
            });
        } catch (SealDropException e) {
            try {
                context.store().delete(record.objectKey());
            } catch (SealDropException deleteFailure) {
                LOG.error("Object of document {} could not be removed after a failed upload: {}", record.id(),
                        deleteFailure.errorCode());
            }
            throw e;
        }
    }

    private static long plaintextProgress(long ciphertextSent, long ciphertextLength, long plaintextLength) {
        if (ciphertextLength == 0) {
            return plaintextLength;
        }
        return Math.min(plaintextLength, (long) ((double) ciphertextSent / ciphertextLength * plaintextLength));
    }
}
