package org.sealdrop.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import org.sealdrop.SealDropException;
import org.sealdrop.audit.AuditAction;
import org.sealdrop.audit.Outcome;
import org.sealdrop.crypto.DocumentMetadata;
import org.sealdrop.crypto.IntegrityException;
import org.sealdrop.index.DocumentRecord;
import org.sealdrop.index.DocumentStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening, exporting and verifying documents, each with its audit event. The event of a successful
 * open or export is in the outbox before any plaintext leaves this class. A verification failure
 * records an integrity-failure event, marks the row damaged and discards the plaintext.
 */
public final class DocumentAccess {

    /** Largest document opened into memory; larger ones are exported instead. */
    public static final long MAX_IN_MEMORY_BYTES = 512L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(DocumentAccess.class);

    private final TransferContext context;
    private final DocumentReader reader;

    public DocumentAccess(TransferContext context) {
        this.context = context;
        this.reader = new DocumentReader(context);
    }

    /** Rows of the index, newest first. */
    public java.util.List<DocumentRecord> list() {
        return context.index().list();
    }

    public DocumentRecord find(UUID id) {
        return context.index().find(id).orElseThrow(() -> new SealDropException("SD-DOCUMENT-NOT-FOUND",
                "No document with id " + id + " is in the index; list the documents to find its id."));
    }

    /** Decrypts a verified document into memory and records an open event. */
    public Decrypted open(UUID id, Progress progress) {
        DocumentRecord record = find(id);
        if (record.plaintextSize() > MAX_IN_MEMORY_BYTES) {
            throw new SealDropException("SD-TOO-LARGE-TO-VIEW", "Document " + id + " has " + record.plaintextSize()
                    + " bytes, more than the viewer holds in memory; save a decrypted copy instead.");
        }
        byte[] content = new byte[(int) record.plaintextSize()];
        try {
            DocumentMetadata metadata = audited(record, AuditAction.OPEN,
                    r -> reader.decryptTo(r, new ArrayOutputStream(content), progress));
            return new Decrypted(record, metadata, content);
        } catch (RuntimeException e) {
            Arrays.fill(content, (byte) 0);
            throw e;
        }
    }

    /**
     * Decrypts a document to {@code target} through a temporary file in the same folder, renamed only
     * after the whole document verified; records an export event. A cancel that {@code progress}
     * reports stops the export before the rename and deletes the temporary file, so neither it nor
     * {@code target} is left; the event then has reason {@value Cancellation#AUDIT_REASON}.
     */
    public DocumentMetadata export(UUID id, Path target, Progress progress) {
        DocumentRecord record = find(id);
        Path folder = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            throw new SealDropException("SD-EXPORT-FAILED", "The target folder for document " + id
                    + " does not exist; create it or choose another place for the decrypted copy.");
        }
        Path temporary;
        try {
            temporary = Files.createTempFile(folder, ".sealdrop-", ".part");
        } catch (IOException e) {
            throw new SealDropException("SD-EXPORT-FAILED", "Document " + id
                    + " could not be saved because the target folder is not writable; choose another folder.");
        }
        try {
            DocumentMetadata metadata = audited(record, AuditAction.EXPORT, r -> {
                try (OutputStream out = Cancellation.checked(Files.newOutputStream(temporary), progress,
                        "The export of document " + id)) {
                    return reader.decryptTo(r, out, progress);
                } catch (IOException e) {
                    throw new SealDropException("SD-EXPORT-FAILED", "Writing document " + id
                            + " failed (" + e.getClass().getSimpleName() + "); check free disk space and try again.");
                }
            });
            Cancellation.throwIfRequested(progress, "The export of document " + id);
            moveIntoPlace(temporary, target);
            return metadata;
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** Downloads and authenticates a document without keeping its plaintext; records a verify event. */
    public DocumentMetadata verify(UUID id) {
        return audited(find(id), AuditAction.VERIFY, r -> reader.decryptTo(r, OutputStream.nullOutputStream(), Progress.NONE));
    }

    public DocumentMetadata metadata(DocumentRecord record) {
        return reader.readMetadata(record);
    }

    private DocumentMetadata audited(DocumentRecord record, AuditAction action,
            Function<DocumentRecord, DocumentMetadata> work) {
        try {
            DocumentMetadata metadata = work.apply(record);
            context.audit().record(action, record.id(), Outcome.SUCCESS, null);
            return metadata;
        } catch (IntegrityException e) {
            LOG.warn("Document {} failed verification during {}", record.id(), action);
            context.database().inTransaction(transaction -> {
                context.index().updateStatus(transaction, record.id(), DocumentStatus.DAMAGED, context.clock().instant());
                context.audit().record(transaction, AuditAction.INTEGRITY_FAILURE, record.id(), Outcome.FAILURE,
                        action.name().toLowerCase(java.util.Locale.ROOT));
                return null;
            });
            throw e;
        } catch (SealDropException e) {
            LOG.warn("{} of document {} failed: {}", action, record.id(), e.errorCode());
            context.audit().record(action, record.id(), Outcome.FAILURE, Cancellation.auditReason(e));
            throw e;
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) {
        try {
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new SealDropException("SD-EXPORT-FAILED", "The decrypted copy could not be put in place ("
                    + e.getClass().getSimpleName() + "); check that the target is not open in another program.");
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("A temporary export file could not be deleted: {}", e.getClass().getSimpleName());
        }
    }

    /** A decrypted document: its row, verified metadata and plaintext. */
    public record Decrypted(DocumentRecord record, DocumentMetadata metadata, byte[] content) {
    }

    /** Writes into a preallocated array, so no growing buffer leaves stray plaintext copies on the heap. */
    private static final class ArrayOutputStream extends OutputStream {
        private final byte[] target;
        private int position;

        ArrayOutputStream(byte[] target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            if (length > target.length - position) {
                throw new IntegrityException("The object contains more plaintext than its index row records;"
                        + " the document was altered or belongs elsewhere.");
            }
            System.arraycopy(buffer, offset, target, position, length);
            position += length;
        }
    }
}
