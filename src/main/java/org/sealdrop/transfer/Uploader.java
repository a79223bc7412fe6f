package org.sealdrop.transfer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.sealdrop.SealDropException;
import org.sealdrop.audit.AuditAction;
import org.sealdrop.audit.Outcome;
import org.sealdrop.crypto.DocumentMetadata;
import org.sealdrop.crypto.KeyWrapping;
import org.sealdrop.crypto.ObjectEncryptor;
import org.sealdrop.crypto.SecretKeyBytes;
import org.sealdrop.crypto.SourcePathCipher;
import org.sealdrop.index.DocumentRecord;
import org.sealdrop.index.DocumentStatus;
import org.sealdrop.index.UploadSession;
import org.sealdrop.index.UploadSessions;
import org.sealdrop.vault.VaultKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts one file and uploads it as a new object. The row in the index and the upload's audit
 * event are written in one transaction only after S3 confirmed the complete object, so the index
 * never lists an object that is not in the bucket. The source file is only read.
 *
 * <p>An upload session row (with the source path encrypted) exists from before the first byte is
 * sent until the document is listed, so that {@link UploadResumer} can finish an upload whose process
 * died. A failure caught in this process ends the session here.
 */
public final class Uploader {

    /** S3 user metadata key of the wrapped document key (base64). It is no secret without the vault key. */
    public static final String WRAPPED_KEY_METADATA = "sealdrop-wrapped-key";
    /** S3 user metadata key of the object format version. */
    public static final String FORMAT_METADATA = "sealdrop-format";

    private static final Logger LOG = LoggerFactory.getLogger(Uploader.class);

    private final TransferContext context;
    private final UploadSessions sessions;

    public Uploader(TransferContext context) {
        this.context = context;
        this.sessions = new UploadSessions(context.database());
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
        return upload(file, null, patientReference, listener);
    }

    /**
     * Uploads {@code file} as a new document, reusing {@code snapshot} from an earlier first pass (such
     * as a duplicate check) so a large file is not read a third time. The encryption pass still compares
     * the file's length and SHA-256 with the snapshot, so a file changed since then fails with
     * {@code SD-SOURCE-CHANGED}.
     *
     * @param snapshot first pass over {@code file}, or {@code null} to read it now
     * @param patientReference optional patient reference, stored only inside the encrypted metadata
     */
    public DocumentRecord upload(Path file, SourceSnapshot snapshot, String patientReference, Progress listener) {
        UUID id = UUID.randomUUID();
        String label = "document " + id;
        LOG.info("Upload of document {} started", id);
        try {
            DocumentRecord record = encryptAndUpload(id, label, file, snapshot, blankToNull(patientReference), listener);
            LOG.info("Upload of document {} finished: {} bytes stored", id, record.ciphertextSize());
            return record;
        } catch (SealDropException e) {
            LOG.warn("Upload of document {} failed: {}", id, e.errorCode());
            context.audit().record(AuditAction.UPLOAD, id, Outcome.FAILURE, Cancellation.auditReason(e));
            throw e;
        }
    }

    private DocumentRecord encryptAndUpload(UUID id, String label, Path file, SourceSnapshot snapshot,
            String patientReference, Progress listener) {
        Cancellation.throwIfRequested(listener, "The upload of " + label);
        SourceSnapshot source = snapshot != null ? snapshot : SourceSnapshot.read(file, label);
        Cancellation.throwIfRequested(listener, "The upload of " + label);
        Instant now = context.clock().instant();
        DocumentMetadata metadata = new DocumentMetadata(String.valueOf(file.getFileName()), source.mediaType(),
                source.size(), source.sha256Hex(), patientReference, context.user(), now);
        VaultKeys keys = context.vaultKeys().get();
        String objectKey = context.objectKey(id);

        try (SecretKeyBytes documentKey = SecretKeyBytes.random(context.random())) {
            byte[] wrappedKey = keys.wrapDocumentKey(id, documentKey, context.random());
            int keyVersion = KeyWrapping.vaultKeyVersionOf(wrappedKey);
            // The tag is computed now, like the wrapped key, so an upload running when the vault locks still finishes.
            ContentTag tag = ContentTag.of(keys, source.sha256Hex());
            try (ObjectEncryptor encryptor = ObjectEncryptor.create(id, documentKey, metadata, context.random())) {
                long ciphertextLength = encryptor.ciphertextLength(source.size());
                DocumentRecord record = new DocumentRecord(id, objectKey, source.size(), ciphertextLength,
                        DocumentStatus.UPLOADED, keyVersion, wrappedKey, encryptor.header(), now, now);

                // The session row lets `upload --resume` finish this upload if the process dies. A failure
                // caught here has aborted the multipart upload, so the session is removed with it.
                byte[] sealedPath = SourcePathCipher.encrypt(documentKey, id, file.toAbsolutePath().toString(),
                        context.random());
                sessions.insert(new UploadSession(id, objectKey, null, wrappedKey, record.header(), sealedPath,
                        source.size(), source.modified().toInstant(), 0, ciphertextLength, keyVersion,
                        UploadSession.STARTED, now));
                try {
                    new UploadCompletion(context).sendAndList(file, label, source, encryptor, record, tag,
                            SessionJournal.fresh(sessions, id), listener);
                } catch (RuntimeException e) {
                    dropSession(id);
                    throw e;
                }
                return record;
            }
        }
    }

    private void dropSession(UUID id) {
        try {
            sessions.delete(id);
        } catch (SealDropException e) {
            LOG.error("Upload session of document {} could not be removed after a failed upload: {}", id,
                    e.errorCode());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
