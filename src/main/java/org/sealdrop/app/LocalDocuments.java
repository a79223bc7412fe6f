package org.sealdrop.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.sealdrop.SealDropException;
import org.sealdrop.audit.AuditIdentity;
import org.sealdrop.audit.AuditStatus;
import org.sealdrop.audit.Outcome;
import org.sealdrop.crypto.DocumentMetadata;
import org.sealdrop.index.DocumentRecord;
import org.sealdrop.index.UploadSession;
import org.sealdrop.transfer.DocumentAccess;
import org.sealdrop.transfer.DocumentDeletion;
import org.sealdrop.transfer.IndexSync;
import org.sealdrop.transfer.RangedDocument;
import org.sealdrop.transfer.Progress;
import org.sealdrop.transfer.ReportedDamage;
import org.sealdrop.transfer.SyncResult;
import org.sealdrop.transfer.UploadResumer;
import org.sealdrop.transfer.Uploader;
import org.sealdrop.vault.VaultLockedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link DocumentService} over the transfer jobs of {@link LocalServices}. */
final class LocalDocuments implements DocumentService {

    private static final Logger LOG = LoggerFactory.getLogger(LocalDocuments.class);

    private final LocalServices services;
    private final ReportedDamage reportedDamage = new ReportedDamage();
    private final Object syncLock = new Object();
    private volatile long rangedOpenThreshold = DocumentAccess.RANGED_OPEN_THRESHOLD;

    LocalDocuments(LocalServices services) {
        this.services = services;
    }

    @Override
    public List<DocumentSummary> list() {
        services.unlockedKeys();
        DocumentAccess access = new DocumentAccess(services.transferContext());
        List<DocumentSummary> summaries = new ArrayList<>();
        for (DocumentRecord record : access.list()) {
            summaries.add(summarize(access, record));
        }
        return summaries;
    }

    @Override
    public DocumentSummary upload(Path file, String patientReference, TransferListener listener) {
        try {
            DocumentRecord record = new Uploader(services.transferContext()).upload(file, patientReference, progress(listener));
            return summarize(new DocumentAccess(services.transferContext()), record);
        } finally {
            services.wakeAuditSender();
        }
    }

    /** Lets tests open smaller PDFs through ranged reads; the default is {@link DocumentAccess#RANGED_OPEN_THRESHOLD}. */
    void setRangedOpenThreshold(long bytes) {
        rangedOpenThreshold = bytes;
    }

    /** Opens large PDFs through ranged reads and every other document into memory. */
    @Override
    public DocumentSummary upload(CheckedFile file, String patientReference, TransferListener listener) {
        try {
            DocumentRecord record = new Uploader(services.transferContext())
                    .upload(file.file(), file.snapshot(), patientReference, progress(listener));
            return summarize(new DocumentAccess(services.transferContext()), record);
        } finally {
            services.wakeAuditSender();
        }
    }

    @Override
    public List<PendingUpload> pendingUploads() {
        services.unlockedKeys();
        UploadResumer resumer = new UploadResumer(services.transferContext());
        List<PendingUpload> pending = new ArrayList<>();
        for (UploadSession session : resumer.pending()) {
            String name;
            try {
                name = resumer.metadata(session.documentId()).name();
            } catch (SealDropException e) {
                name = "";
            }
            pending.add(new PendingUpload(session.documentId(), name, session.sourceSize(), session.createdAt()));
        }
        return pending;
    }

    @Override
    public DocumentSummary resume(UUID id, TransferListener listener) {
        try {
            DocumentRecord record = new UploadResumer(services.transferContext()).resume(id, progress(listener));
            return summarize(new DocumentAccess(services.transferContext()), record);
        } finally {
            services.wakeAuditSender();
        }
    }

    @Override
    public void discardUpload(UUID id) {
        new UploadResumer(services.transferContext()).discard(id);
    }

    @Override
    public List<CheckedFile> checkContent(List<Path> files) {
        return checkContent(files, files.stream().map(file -> TransferListener.NONE).toList());
    }

    @Override
    public List<CheckedFile> checkContent(List<Path> files, List<TransferListener> listeners) {
        services.unlockedKeys();
        syncBeforeCheck();
        return new ContentCheck(services.transferContext()).check(files, listeners);
    }

    /** Syncs so documents from other computers count; a bucket that cannot be read leaves the index as it is. */
    private void syncBeforeCheck() {
        try {
            sync();
        } catch (VaultLockedException e) {
            throw e;
        } catch (SealDropException e) {
            LOG.warn("Index sync before a duplicate check failed, so only the index is checked: {}", e.errorCode());
        }
    }

    @Override
    public OpenedDocument open(UUID id, TransferListener listener) {
        try {
            DocumentAccess access = new DocumentAccess(services.transferContext());
            if (access.opensRanged(id, rangedOpenThreshold)) {
                RangedDocument ranged = access.openRanged(id);
                try {
                    return OpenedDocument.ranged(toSummary(access.find(id), ranged.metadata()), ranged);
                } catch (RuntimeException e) {
                    ranged.close();
                    throw e;
                }
            }
            DocumentAccess.Decrypted decrypted = access.open(id, progress(listener));
            return new OpenedDocument(toSummary(decrypted.record(), decrypted.metadata()), decrypted.content());
        } finally {
            services.wakeAuditSender();
        }
    }

    @Override
    public void authorizePrint(UUID id) {
        services.requirePermitted(Permission.PRINT);
        try {
            new DocumentAccess(services.transferContext()).authorizePrint(id);
        } finally {
            services.wakeAuditSender();
        }
    }

    @Override
    public void recordPrintFailure(UUID id, String reason) {
        try {
            new DocumentAccess(services.transferContext()).recordPrint(id, Outcome.FAILURE, reason);
        } finally {
            services.wakeAuditSender();
        }
    }

    @Override
    public Optional<AuditIdentity> auditIdentity() {
        return Optional.of(services.auditTrail().identity());
    }

    @Override
    public void export(UUID id, Path target, TransferListener listener) {
        services.requirePermitted(Permission.EXPORT);
        try {
            new DocumentAccess(services.transferContext()).export(id, target, progress(listener));
        } finally {
            services.wakeAuditSender();
        }
    }

    @Override
    public long pendingAuditEvents() {
        return services.auditTrail().pendingCount();
    }

    @Override
    public AuditStatus auditStatus() {
        return services.auditTrail().status();
    }

    @Override
    public DocumentSummary verify(UUID id) {
        try {
            DocumentAccess access = new DocumentAccess(services.transferContext());
            DocumentMetadata metadata = access.verify(id);
            return toSummary(access.find(id), metadata);
        } finally {
            services.wakeAuditSender();
        }
    }

    @Override
    public void delete(UUID id) {
        // Deleting needs no key, but a locked vault must not let anyone remove documents.
        services.unlockedKeys();
        services.requirePermitted(Permission.DELETE);
        try {
            new DocumentDeletion(services.transferContext()).delete(id);
        } finally {
            services.wakeAuditSender();
        }
    }

    @Override
    public SyncReport sync() {
        return compareWithBucket(IndexSync::sync);
    }

    @Override
    public SyncReport rebuildIndex() {
        return compareWithBucket(IndexSync::rebuild);
    }

    /** Runs one sync or rebuild at a time, because the window's timer and an unlock can start one together. */
    private SyncReport compareWithBucket(Function<IndexSync, SyncResult> work) {
        synchronized (syncLock) {
            try {
                SyncResult result = work.apply(new IndexSync(services.transferContext(), reportedDamage));
                List<SyncReport.Damaged> damaged = result.damaged().stream()
                        .map(object -> new SyncReport.Damaged(object.id(), object.errorCode()))
                        .toList();
                return new SyncReport(result.added(), result.removed(), result.kept(), damaged, result.skipped());
            } finally {
                services.wakeAuditSender();
            }
        }
    }

    /** Adapts the listener to the transfer jobs, passing on both progress and the cancel flag. */
    static Progress progress(TransferListener listener) {
        return new Progress() {
            @Override
            public void update(long bytesDone, long bytesTotal) {
                listener.progress(bytesDone, bytesTotal);
            }

            @Override
            public boolean cancelRequested() {
                return listener.cancelRequested();
            }
        };
    }

    private static DocumentSummary summarize(DocumentAccess access, DocumentRecord record) {
        try {
            return toSummary(record, access.metadata(record));
        } catch (SealDropException e) {
            return new DocumentSummary(record.id(), "", "", record.plaintextSize(), "", record.createdAt(), null,
                    "unreadable: " + e.errorCode());
        }
    }

    private static DocumentSummary toSummary(DocumentRecord record, DocumentMetadata metadata) {
        return new DocumentSummary(record.id(), metadata.name(), metadata.mediaType(), metadata.size(),
                metadata.addedBy(), record.createdAt(), metadata.patientReference(), record.status().label());
    }
}
