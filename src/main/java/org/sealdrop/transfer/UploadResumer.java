package org.sealdrop.transfer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.sealdrop.SealDropException;
import org.sealdrop.audit.AuditAction;
import org.sealdrop.audit.Outcome;
import org.sealdrop.crypto.DocumentMetadata;
import org.sealdrop.crypto.ObjectEncryptor;
import org.sealdrop.crypto.ObjectHeader;
import org.sealdrop.crypto.SecretKeyBytes;
import org.sealdrop.crypto.SourcePathCipher;
import org.sealdrop.index.DocumentRecord;
import org.sealdrop.index.DocumentStatus;
import org.sealdrop.index.UploadSession;
import org.sealdrop.index.UploadSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes uploads whose process died, from their upload sessions in the index.
 *
 * <p>A resume checks the source's size and modification time against the session, rebuilds the
 * encryptor from the stored header (so the ciphertext is byte for byte the first run's), reads the
 * file from the start, skips every part that S3 still stores once its SHA-256 matches the recorded
 * one, sends the rest and lists the document as a new upload does. When the multipart upload no
 * longer exists (expired or aborted), the upload starts again from part 1 under the same session.
 *
 * <p>Rules for the source: changed (size, time or any byte) or unreadable, or missing from a folder
 * that still exists: the multipart upload is aborted, the session removed, and the user must add the
 * file again. Missing together with its folder (an unplugged drive or a disconnected share): the
 * session is kept, with {@code SD-SOURCE-UNAVAILABLE}, until the folder is back or {@link #discard}
 * removes it.
 *
 * <p>NOTE: a session keeps the document key wrapped under the vault key version of its start. A
 * rotation that runs before the resume does not re-wrap it, so retiring that version before the
 * resumed object is re-wrapped leaves it unreadable. Two processes resuming the same session at once
 * (the window and {@code upload --resume}) are not prevented either, and no test covers that case.
 */
public final class UploadResumer {

    /** Error code of a session kept because its source folder is not available. */
    public static final String SOURCE_UNAVAILABLE = "SD-SOURCE-UNAVAILABLE";

    private static final Logger LOG = LoggerFactory.getLogger(UploadResumer.class);
    private static final Set<String> SOURCE_CHANGED_CODES = Set.of("SD-SOURCE-CHANGED", "SD-S3-PART-CHANGED");

    private final TransferContext context;
    private final UploadSessions sessions;

    public UploadResumer(TransferContext context) {
        this.context = context;
        this.sessions = new UploadSessions(context.database());
    }

    /** Returns the unfinished uploads of this index, oldest first. */
    public List<UploadSession> pending() {
        return sessions.list();
    }

    /**
     * Returns the metadata of an unfinished upload, decrypted from its stored header.
     *
     * @throws SealDropException {@code SD-UPLOAD-NOT-PENDING} when no session has that id,
     *     {@code SD-VAULT-LOCKED} when the vault is locked, {@code SD-INTEGRITY} when the header does not verify
     */
    public DocumentMetadata metadata(UUID id) {
        UploadSession session = find(id);
        try (SecretKeyBytes documentKey = context.vaultKeys().get().unwrapDocumentKey(id, session.wrappedKey());
                ObjectEncryptor encryptor = ObjectEncryptor.resume(id, documentKey, ObjectHeader.parse(session.header()))) {
            return encryptor.metadata();
        }
    }

    /**
     * Finishes the upload of session {@code id} and returns the new index row.
     *
     * @throws SealDropException {@code SD-SOURCE-CHANGED}, {@code SD-SOURCE-MISSING} or
     *     {@code SD-SOURCE-UNREADABLE} after the session was removed; {@code SD-SOURCE-UNAVAILABLE} with
     *     the session kept; {@code SD-UPLOAD-NOT-PENDING} when no session has that id; or the code of a
     *     failed S3 call or index write, with the session kept so that a later resume starts again
     */
    public DocumentRecord resume(UUID id, Progress listener) {
        UploadSession session = find(id);
        String label = "document " + id;
        LOG.info("Resuming the upload of document {}", id);
        try {
            DocumentRecord record = resumeSession(session, label, listener);
            LOG.info("Resumed upload of document {} finished: {} bytes stored", id, record.ciphertextSize());
            return record;
        } catch (SealDropException e) {
            LOG.warn("Resumed upload of document {} failed: {}", id, e.errorCode());
            if (!SOURCE_UNAVAILABLE.equals(e.errorCode())) {
                context.audit().record(AuditAction.UPLOAD, id, Outcome.FAILURE, e.errorCode());
            }
            throw e;
        }
    }

    /**
     * Aborts the session's multipart upload, if any, and removes the session.
     *
     * @throws SealDropException {@code SD-UPLOAD-NOT-PENDING} when no session has that id, or the code
     *     of the failed abort, with the session kept
     */
    public void discard(UUID id) {
        UploadSession session = find(id);
        if (session.uploadId() != null) {
            context.store().abortMultipartUpload(session.objectKey(), session.uploadId());
        }
        sessions.delete(id);
        LOG.info("Discarded the unfinished upload of document {}", id);
    }

    private DocumentRecord resumeSession(UploadSession session, String label, Progress listener) {
        UUID id = session.documentId();
        try (SecretKeyBytes documentKey = context.vaultKeys().get().unwrapDocumentKey(id, session.wrappedKey())) {
            Path file = Path.of(SourcePathCipher.decrypt(documentKey, id, session.sealedSourcePath()));
            checkSource(session, file, label);

            try (ObjectEncryptor encryptor = ObjectEncryptor.resume(id, documentKey,
                    ObjectHeader.parse(session.header()))) {
                DocumentMetadata metadata = encryptor.metadata();
                SourceSnapshot source = new SourceSnapshot(session.sourceSize(), FileTime.from(session.sourceModified()),
                        metadata.sha256Hex(), metadata.mediaType());
                DocumentRecord record = new DocumentRecord(id, session.objectKey(), session.sourceSize(),
                        session.ciphertextSize(), DocumentStatus.UPLOADED, session.vaultKeyVersion(),
                        session.wrappedKey(), session.header(), session.createdAt(), context.clock().instant());
                try {
                    new UploadCompletion(context).sendAndList(file, label, source, encryptor, record,
                            ContentTag.of(context.vaultKeys().get(), metadata.sha256Hex()),
                            SessionJournal.resumed(sessions, session), listener);
                } catch (SealDropException e) {
                    if (SOURCE_CHANGED_CODES.contains(e.errorCode())) {
                        // The failed run already aborted the multipart upload or deleted the object.
                        sessions.delete(id);
                        throw changed(label);
                    }
                    throw e;
                }
                return record;
            }
        }
    }

    /** Fails, removing the session unless the source's folder is unavailable, when the source cannot be resumed. */
    private void checkSource(UploadSession session, Path file, String label) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            Path folder = file.getParent();
            if (folder != null && !Files.isDirectory(folder)) {
                throw new SealDropException(SOURCE_UNAVAILABLE, "The folder of the file for " + label
                        + " is not available, for example on an unplugged drive; connect it and resume again, "
                        + "or discard the upload.");
            }
            discard(session.documentId());
            throw new SealDropException("SD-SOURCE-MISSING", "The file for " + label
                    + " no longer exists, so its unfinished upload was removed; add the file again.");
        } catch (IOException e) {
            discard(session.documentId());
            throw unreadable(label);
        }

        if (!attributes.isRegularFile() || attributes.size() != session.sourceSize()
                || !attributes.lastModifiedTime().toInstant().equals(session.sourceModified())) {
            discard(session.documentId());
            throw changed(label);
        }
        if (!Files.isReadable(file)) {
            discard(session.documentId());
            throw unreadable(label);
        }
    }

    private UploadSession find(UUID id) {
        return sessions.find(id).orElseThrow(() -> new SealDropException("SD-UPLOAD-NOT-PENDING",
                "No unfinished upload of document " + id + " exists on this computer; list them with `sealdrop upload --resume`."));
    }

    private static SealDropException changed(String label) {
        return new SealDropException("SD-SOURCE-CHANGED", "The file for " + label
                + " changed since its upload was interrupted, so the unfinished upload was removed; add the file again.");
    }

    private static SealDropException unreadable(String label) {
        return new SealDropException("SD-SOURCE-UNREADABLE", "The file for " + label
                + " cannot be read, so its unfinished upload was removed; check its permissions and add the file again.");
    }
}
