package org.sealdrop.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.sealdrop.SealDropException;
import org.sealdrop.audit.AuditAction;
import org.sealdrop.audit.Outcome;
import org.sealdrop.crypto.DocumentMetadata;
import org.sealdrop.crypto.KeyWrapping;
import org.sealdrop.crypto.ObjectEncryptor;
import org.sealdrop.crypto.SecretKeyBytes;
import org.sealdrop.index.DocumentRecord;
import org.sealdrop.index.DocumentStatus;
import org.sealdrop.vault.VaultKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts one file and uploads it as a new object. The row in the index and the upload's audit
 * event are written in one transaction only after S3 confirmed the complete object, so the index
 * never lists an object that is not in the bucket. The source file is only read.
 */
public final class Uploader {

    /** S3 user metadata key of the wrapped document key (base64). It is no secret without the vault key. */
    public static final String WRAPPED_KEY_METADATA = "sealdrop-wrapped-key";
    /** S3 user metadata key of the object format version. */
    public static final String FORMAT_METADATA = "sealdrop-format";

    private static final Logger LOG = LoggerFactory.getLogger(Uploader.class);

    private final TransferContext context;

    public Uploader(TransferContext context) {
        this.context = context;
    }

    /**
     * Uploads {@code file} as a new document and returns its index row.
     *
     * <p>When {@code listener} reports a cancel, the upload stops: reading and sending end, a multipart
     * upload is aborted, and an object that S3 already stored is deleted again, so neither the bucket
     * nor the index keeps the document. The audit event then has outcome failure and reason
     * {@value Cancellation#AUDIT_REASON}.
     *
     * @param patientReference optional patient reference, stored only inside the encrypted metadata
     * @throws SealDropException {@value Cancellation#ERROR_CODE} when cancelled, {@code SD-S3-TIMEOUT}
     *     when the endpoint accepts no bytes for the socket timeout, or the code of another failure
     */
    public DocumentRecord upload(Path file, String patientReference, Progress listener) {
        UUID id = UUID.randomUUID();
        String label = "document " + id;
        LOG.info("Upload of document {} started", id);
        try {
            DocumentRecord record = encryptAndUpload(id, label, file, blankToNull(patientReference), listener);
            LOG.info("Upload of document {} finished: {} bytes stored", id, record.ciphertextSize());
            return record;
        } catch (SealDropException e) {
            LOG.warn("Upload of document {} failed: {}", id, e.errorCode());
            context.audit().record(AuditAction.UPLOAD, id, Outcome.FAILURE, Cancellation.auditReason(e));
            throw e;
        }
    }

    private DocumentRecord encryptAndUpload(UUID id, String label, Path file, String patientReference,
            Progress listener) {
        Cancellation.throwIfRequested(listener, "The upload of " + label);
        SourceSnapshot source = SourceSnapshot.read(file, label);
        Cancellation.throwIfRequested(listener, "The upload of " + label);
        Instant now = context.clock().instant();
        DocumentMetadata metadata = new DocumentMetadata(String.valueOf(file.getFileName()), source.mediaType(),
                source.size(), source.sha256Hex(), patientReference, context.user(), now);
        VaultKeys keys = context.vaultKeys().get();
        String objectKey = context.objectKey(id);

        try (SecretKeyBytes documentKey = SecretKeyBytes.random(context.random())) {
            byte[] wrappedKey = keys.wrapDocumentKey(id, documentKey, context.random());
            int keyVersion = KeyWrapping.vaultKeyVersionOf(wrappedKey);
            try (ObjectEncryptor encryptor = ObjectEncryptor.create(id, documentKey, metadata, context.random())) {
                long ciphertextLength = encryptor.ciphertextLength(source.size());

                putObject(file, label, source, encryptor, objectKey, ciphertextLength, wrappedKey, listener);

                DocumentRecord record = new DocumentRecord(id, objectKey, source.size(), ciphertextLength,
                        DocumentStatus.UPLOADED, keyVersion, wrappedKey, encryptor.header(), now, now);
                commitOrRemove(file, label, source, record, listener);
                return record;
            }
        }
    }

    private void putObject(Path file, String label, SourceSnapshot source, ObjectEncryptor encryptor, String objectKey,
            long ciphertextLength, byte[] wrappedKey, Progress listener) {
        Map<String, String> objectMetadata = Map.of(
                FORMAT_METADATA, "1",
                WRAPPED_KEY_METADATA, Base64.getEncoder().encodeToString(wrappedKey));
        // The encrypt stream compares the second pass's length and SHA-256 with the snapshot before it
        // emits the last chunk, so a file that changed in between never completes an upload.
        try (InputStream plaintext = Files.newInputStream(file)) {
            InputStream ciphertext = encryptor.encrypt(plaintext, source.size());
            context.store().put(objectKey, ciphertext, ciphertextLength, objectMetadata,
                    sent -> listener.update(plaintextProgress(sent, ciphertextLength, source.size()), source.size()),
                    listener::cancelRequested);
        } catch (IOException e) {
            throw new SealDropException("SD-SOURCE-UNREADABLE", "The file for " + label + " could not be read ("
                    + e.getClass().getSimpleName() + "); check the disk or network share and add it again.");
        }
    }

    /**
     * Lists the uploaded object in the index together with its audit event. When the upload was
     * cancelled after S3 stored the object, the source changed after the upload or the index write
     * fails, the object is deleted again so that bucket and index agree.
     */
    private void commitOrRemove(Path file, String label, SourceSnapshot source, DocumentRecord record,
            Progress listener) {
        try {
            // NOTE: a cancel that arrives after this check is too late: the upload then completes.
            Cancellation.throwIfRequested(listener, "The upload of " + label);
            source.checkUnchanged(file, label);
            context.database().inTransaction(transaction -> {
                // An index sync may have listed the object between its upload and this insert. Its row is
                // then this object's, because only this upload has the document key that its check needs.
                context.index().insertIfAbsent(transaction, record);
                context.audit().record(transaction, AuditAction.UPLOAD, record.id(), Outcome.SUCCESS, null);
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

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
