package org.sealdrop.app;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

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
     * Opens a document for the viewer, recording an open event: large PDFs through verified ranged
     * reads, every other document downloaded, verified and decrypted into memory.
     */
    OpenedDocument open(UUID id, TransferListener listener);

    /** Decrypts a document to {@code target}, recording an export event. */
    void export(UUID id, Path target, TransferListener listener);

    /**
     * Downloads a document and authenticates every chunk and its SHA-256 without keeping the
     * plaintext, recording a verify event (or an integrity-failure event and a damaged row).
     */
    DocumentSummary verify(UUID id);

    /** Audit events written on this device and not yet acknowledged by the receiver. */
    long pendingAuditEvents();

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
}
