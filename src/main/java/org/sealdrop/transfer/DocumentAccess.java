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
import org.sealdrop.audit.AuditEvent;
import org.sealdrop.audit.Outcome;
import org.sealdrop.crypto.DocumentMetadata;
import org.sealdrop.crypto.IntegrityException;
import org.sealdrop.index.DocumentRecord;
import org.sealdrop.index.DocumentStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening, exporting, printing and verifying documents, each with its audit event. The event of a
 * successful open, export or print is in the outbox before any plaintext leaves this class, and the context's
 * {@link org.sealdrop.audit.AuditPolicyGate} has passed it: a rejection throws {@code SD-AUDIT-BACKLOG}
 * or {@code SD-AUDIT-UNREACHABLE}, records a failed event and discards the plaintext. A verification
 * failure records an integrity-failure event, marks the row damaged and discards the plaintext.
 */
public final class DocumentAccess {

    /** Largest document opened into memory; larger ones are exported instead, except PDFs opened ranged. */
    public static final long MAX_IN_MEMORY_BYTES = 512L * 1024 * 1024;

    /**
     * PDFs larger than this open through {@link RangedDocument}, so the viewer shows the first page
     * after a few MiB instead of after the whole download. Callers may pass another threshold to
     * {@link #opensRanged}.
     */
    public static final long RANGED_OPEN_THRESHOLD = 32L * 1024 * 1024;

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

    /**
     * Decrypts a verified document into memory and records an open event. A cancel that
     * {@code progress} reports before the event is recorded zeroes the plaintext and fails with
     * {@value Cancellation#ERROR_CODE}; the open is then recorded as a failure with reason
     * {@value Cancellation#AUDIT_REASON} and the row stays as it was.
     */
    public Decrypted open(UUID id, Progress progress) {
        DocumentRecord record = find(id);
        if (record.plaintextSize() > MAX_IN_MEMORY_BYTES) {
            throw new SealDropException("SD-TOO-LARGE-TO-VIEW", "Document " + id + " has " + record.plaintextSize()
                    + " bytes, more than the viewer holds in memory; save a decrypted copy instead.");
        }
        byte[] content = new byte[(int) record.plaintextSize()];
        try {
            DocumentMetadata metadata = audited(record, AuditAction.OPEN,
                    r -> {
                        DocumentMetadata verified = reader.decryptTo(r, new ArrayOutputStream(content), progress);
                        // The download may finish between the user's cancel and the copy loop's last check.
                        Cancellation.throwIfRequested(progress, "The open of document " + id);
                        return verified;
                    });
            return new Decrypted(record, metadata, content);
        } catch (RuntimeException e) {
            Arrays.fill(content, (byte) 0);
            throw e;
        }
    }

    /**
     * Tells whether {@link #openRanged} should open this document: a PDF by the media type in its
     * recorded header, larger than {@code thresholdBytes}. A header whose metadata does not decrypt
     * gives false, so that {@link #open} downloads it and records the failure as usual.
     */
    public boolean opensRanged(UUID id, long thresholdBytes) {
        DocumentRecord record = find(id);
        if (record.plaintextSize() <= thresholdBytes) {
            return false;
        }
        try {
            return isPdf(reader.readMetadata(record).mediaType());
        } catch (SealDropException e) {
            return false;
        }
    }

    /**
     * Opens a document for ranged reads. The open event is in the outbox before this returns, and so
     * before any plaintext byte leaves, and only after the header, the object length and the first and
     * last chunks verified. A chunk that fails verification later records an integrity-failure event
     * and marks the row damaged, as a failure during {@link #open} does; the read then throws.
     *
     * @throws IntegrityException when the header, the object length or a first or last chunk does not
     *     verify. The failure is recorded, and no open event is.
     * @throws SealDropException {@code SD-DOWNLOAD-FAILED} or an {@code SD-S3-...} code when fetching fails
     */
    public RangedDocument openRanged(UUID id) {
        DocumentRecord record = find(id);
        RangedDocument[] opened = new RangedDocument[1];
        try {
            audited(record, AuditAction.OPEN, r -> {
                opened[0] = RangedDocument.open(context, r);
                return opened[0].metadata();
            });
        } catch (RuntimeException e) {
            if (opened[0] != null) {
                opened[0].close();
            }
            throw e;
        }
        opened[0].onIntegrityFailure(failure -> recordIntegrityFailure(record, AuditAction.OPEN));
        return opened[0];
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

    /**
     * Records a print event with outcome success before the pages of a document go to a printer, under
     * the audit policy as {@link #open} is: the backlog check comes first and, under the strict policy,
     * the receiver must acknowledge the event before this returns. A rejection records the print as a
     * failure with the error code as reason and throws; the caller then sends no page.
     *
     * @throws SealDropException {@code SD-DOCUMENT-NOT-FOUND}, {@code SD-AUDIT-BACKLOG},
     *     {@code SD-AUDIT-UNREACHABLE} or {@code SD-AUDIT-REJECTED}
     */
    public void authorizePrint(UUID id) {
        audited(find(id), AuditAction.PRINT, r -> null);
    }

    /**
     * Records that printing a document failed after {@link #authorizePrint} had recorded its success
     * event, or any other print outcome the caller needs to record. A failure carries the error code or
     * a fixed reason such as {@code cancelled}.
     *
     * @param reason null, or an error code or short fixed ASCII text; never a printer or file name
     * @throws SealDropException with code {@code SD-DOCUMENT-NOT-FOUND} when the index has no such
     *     document, {@code SD-AUDIT-INVALID} for an invalid reason, or {@code SD-INDEX-WRITE}
     */
    public void recordPrint(UUID id, Outcome outcome, String reason) {
        DocumentRecord record = find(id);
        context.audit().record(AuditAction.PRINT, record.id(), outcome, reason);
    }

    public DocumentMetadata metadata(DocumentRecord record) {
        return reader.readMetadata(record);
    }

    private DocumentMetadata audited(DocumentRecord record, AuditAction action,
            Function<DocumentRecord, DocumentMetadata> work) {
        try {
            context.auditGate().checkBacklog(action);
            DocumentMetadata metadata = work.apply(record);
            AuditEvent event = context.audit().record(action, record.id(), Outcome.SUCCESS, null);
            context.auditGate().awaitAcknowledged(event);
            return metadata;
        } catch (IntegrityException e) {
            recordIntegrityFailure(record, action);
            throw e;
        } catch (SealDropException e) {
            LOG.warn("{} of document {} failed: {}", action, record.id(), e.errorCode());
            context.audit().record(action, record.id(), Outcome.FAILURE, Cancellation.auditReason(e));
            throw e;
        }
    }

    /** Marks the row damaged and records an integrity-failure event naming {@code action}, in one transaction. */
    private void recordIntegrityFailure(DocumentRecord record, AuditAction action) {
        LOG.warn("Document {} failed verification during {}", record.id(), action);
        context.database().inTransaction(transaction -> {
            context.index().updateStatus(transaction, record.id(), DocumentStatus.DAMAGED, context.clock().instant());
            context.audit().record(transaction, AuditAction.INTEGRITY_FAILURE, record.id(), Outcome.FAILURE,
                    action.name().toLowerCase(java.util.Locale.ROOT));
            return null;
        });
    }

    /** Compares the media type without parameters, such as {@code application/pdf; version=1.7}. */
    private static boolean isPdf(String mediaType) {
        String type = mediaType.split(";", 2)[0].trim();
        return type.equalsIgnoreCase(MediaTypes.PDF);
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
