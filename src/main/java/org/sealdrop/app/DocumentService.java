package org.sealdrop.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sealdrop.audit.AuditIdentity;
import org.sealdrop.audit.AuditStatus;

/**
 * Adding, listing, opening and exporting documents of the unlocked vault.
 *
 * <p>Every method blocks on disk, network or crypto work, so the window runs them in a JavaFX
 * {@code Task}. Each one throws a {@code SealDropException} whose message can be shown to the user.
 * Opening and exporting write their audit event to the outbox before they return plaintext.
 */
public interface DocumentService {

    /** Documents of the index, newest first. */
    List<DocumentSummary> list();

    /**
     * Encrypts {@code file} and uploads it; returns once S3 confirmed the object and the index lists it.
     * The source file is only read.
     *
     * @param patientReference optional patient reference stored encrypted with the document, or {@code null}
     */
    DocumentSummary upload(Path file, String patientReference, TransferListener listener);

    /**
     * Reads each file once for its SHA-256 and marks the files whose content the vault or an earlier file
     * of {@code files} already has, so the caller can offer to skip them. The index is first
     * synced with the bucket, so documents added on another computer count. When the bucket cannot be
     * read, the check uses the index as it is. A file that cannot be read comes back unchecked, and its
     * upload reports why. The default implementation checks nothing, for services without an index.
     *
     * @return one entry per file, in the order of {@code files}
     * @throws org.sealdrop.SealDropException {@code SD-VAULT-LOCKED} when the vault is locked
     */
    default List<CheckedFile> checkContent(List<Path> files) {
        return files.stream().map(CheckedFile::unchecked).toList();
    }

    /**
     * Checks {@code files} like {@link #checkContent(List)}, reporting the bytes read of each file to its
     * listener and stopping the read of a file whose listener reports a cancel. A cancelled file comes
     * back unchecked and does not count as an earlier file with the same content; the caller uploads
     * nothing for it. The default implementation checks nothing and reports no progress.
     *
     * @param listeners one per file, in the order of {@code files}
     * @return one entry per file, in the order of {@code files}
     * @throws IllegalArgumentException when the lists differ in length
     * @throws org.sealdrop.SealDropException {@code SD-VAULT-LOCKED} when the vault is locked
     */
    default List<CheckedFile> checkContent(List<Path> files, List<TransferListener> listeners) {
        if (listeners.size() != files.size()) {
            throw new IllegalArgumentException("The check got " + listeners.size() + " listeners for "
                    + files.size() + " files; pass one listener per file.");
        }
        return checkContent(files);
    }

    /**
     * Uploads a checked file like {@link #upload(Path, String, TransferListener)}, reusing the check's
     * first pass over the file when there is one. It uploads duplicates too: skipping them is the
     * caller's choice.
     */
    default DocumentSummary upload(CheckedFile file, String patientReference, TransferListener listener) {
        return upload(file.file(), patientReference, listener);
    }

    /**
     * Opens a document for the viewer, recording an open event: large PDFs through verified ranged
     * reads, every other document downloaded, verified and decrypted into memory. The download reports
     * its progress to {@code listener} and stops when the listener reports a cancel. A cancelled open
     * fails with {@code SD-CANCELLED}, zeroes what it decrypted, records the open as a failure with
     * reason {@code cancelled} and leaves the row as it was. A ranged open reports no progress and does
     * not read the cancel flag, because it fetches only the first and last chunks.
     */
    OpenedDocument open(UUID id, TransferListener listener);

    /**
     * Decrypts a document to {@code target}, recording an export event.
     *
     * @throws org.sealdrop.SealDropException with code {@code SD-EXPORT-DISABLED}, before anything is
     *     read or recorded, when {@code exportAllowed} is false
     */
    void export(UUID id, Path target, TransferListener listener);

    /**
     * Downloads a document and authenticates every chunk and its SHA-256 without keeping the
     * plaintext, recording a verify event (or an integrity-failure event and a damaged row).
     */
    DocumentSummary verify(UUID id);

    /**
     * Deletes a document: its object from the bucket, then its row together with a {@code delete} audit
     * event in one index transaction, so the index never lists a document whose object is gone. A
     * document whose object is already gone from the bucket is removed from the index with a success
     * event. When S3 rejects the delete, the row stays and a {@code delete} event with outcome
     * {@code failure} and the error code as reason is recorded. A bucket with versioning keeps the
     * previous version of the object; only the bucket's owner can remove or restore it. Other computers
     * drop the row at their next index sync. The default implementation cannot delete.
     *
     * @throws org.sealdrop.SealDropException {@code SD-VAULT-LOCKED} when the vault is locked,
     *     {@code SD-DOCUMENT-NOT-FOUND} when the index has no such document, or the code of the failed
     *     S3 call or index write
     */
    default void delete(UUID id) {
        throw new UnsupportedOperationException("This document service cannot delete documents.");
    }

    /**
     * Records a print event with outcome success before the pages of a document go to a printer,
     * under the audit policy as an open is: under the strict policy the receiver must acknowledge the
     * event first. A rejection records the print as a failure and throws, and the caller sends no
     * page. The default implementation prints nothing, for services without an audit trail.
     *
     * @throws org.sealdrop.SealDropException {@code SD-AUDIT-BACKLOG}, {@code SD-AUDIT-UNREACHABLE}
     *     or {@code SD-AUDIT-REJECTED} when the policy rejects the print
     * @throws UnsupportedOperationException from the default implementation
     */
    default void authorizePrint(UUID id) {
        throw new UnsupportedOperationException("This document service cannot record prints.");
    }

    /**
     * Records that printing a document failed after {@link #authorizePrint} allowed it.
     *
     * @param reason an error code, or {@code cancelled}; never a printer or file name
     * @throws UnsupportedOperationException from the default implementation
     */
    default void recordPrintFailure(UUID id, String reason) {
        throw new UnsupportedOperationException("This document service cannot record prints.");
    }

    /**
     * Returns the user and device that this service names in its audit events, for the viewer's
     * watermark. The default is empty, for services without an audit trail.
     */
    default Optional<AuditIdentity> auditIdentity() {
        return Optional.empty();
    }

    /** Audit events written on this device and not yet acknowledged by the receiver. */
    long pendingAuditEvents();

    /**
     * Returns the delivery state of this device's audit outbox: pending count, oldest pending event,
     * last delivery and last error. This default reads only the count, so its times and error are empty.
     *
     * @throws org.sealdrop.SealDropException {@code SD-INDEX-READ} when the index cannot be read
     */
    default AuditStatus auditStatus() {
        return new AuditStatus(pendingAuditEvents(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Compares the index with the bucket: lists objects uploaded by other computers and removes rows
     * whose object was deleted. Only new objects are read, each by its header. An object that fails its
     * check is not listed and comes back in {@link SyncReport#damaged()}.
     *
     * @throws org.sealdrop.SealDropException {@code SD-VAULT-LOCKED} when the vault is locked, or an
     *     {@code SD-S3-...} code when the bucket cannot be listed or read; the index is then unchanged
     */
    SyncReport sync();

    /**
     * Replaces every document row with rows rebuilt from the bucket's objects, in one transaction.
     * The audit outbox stays as it is.
     *
     * @throws org.sealdrop.SealDropException {@code SD-VAULT-LOCKED} when the vault is locked, or an
     *     {@code SD-S3-...} code when the bucket cannot be listed or read; the index is then unchanged
     */
    SyncReport rebuildIndex();

    /**
     * Uploads that started on this computer and were not finished, oldest first. The default lists
     * none, for services that cannot resume.
     *
     * @throws org.sealdrop.SealDropException {@code SD-VAULT-LOCKED} when the vault is locked
     */
    default List<PendingUpload> pendingUploads() {
        return List.of();
    }

    /**
     * Finishes an unfinished upload: parts that S3 still stores are not sent again. When the file
     * changed, is gone or cannot be read, the unfinished upload is removed and the exception message instructs
     * the user to add the file again. When the file's folder is not available (an unplugged drive), the unfinished
     * upload is kept and the exception has code {@code SD-SOURCE-UNAVAILABLE}.
     *
     * @throws org.sealdrop.SealDropException with the codes above, {@code SD-UPLOAD-NOT-PENDING} when no
     *     unfinished upload has that id, or the code of a failed S3 call
     */
    default DocumentSummary resume(UUID id, TransferListener listener) {
        throw new UnsupportedOperationException("This document service cannot resume uploads.");
    }

    /**
     * Removes an unfinished upload and aborts its multipart upload, so no parts stay in the bucket.
     *
     * @throws org.sealdrop.SealDropException {@code SD-UPLOAD-NOT-PENDING} when no unfinished upload has
     *     that id, or the code of a failed S3 call
     */
    default void discardUpload(UUID id) {
        throw new UnsupportedOperationException("This document service cannot discard uploads.");
    }
}
