package org.sealdrop.ui;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.sealdrop.SealDropException;
import org.sealdrop.app.DocumentService;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.LockReason;
import org.sealdrop.app.OpenedDocument;
import org.sealdrop.app.SyncReport;
import org.sealdrop.app.TransferListener;
import org.sealdrop.app.VaultAccess;
import org.sealdrop.app.VaultSetup;
import org.sealdrop.app.VaultState;

/**
 * Stand-in services for layout snapshots only: fixed results that put every part of the window on
 * screen (a running upload, a failed one, a listed document). Behaviour is tested against the real
 * services in the end-to-end test.
 */
final class ScriptedServices implements VaultAccess, DocumentService {

    private final CountDownLatch releaseUploads = new CountDownLatch(1);
    private final List<DocumentSummary> documents = new ArrayList<>();
    private VaultState state;

    ScriptedServices(VaultState state) {
        this.state = state;
        documents.add(summary("Referral Dr Meyer 2026-02-27.pdf", "application/pdf", 24_607, "2026-02-27T08:12:00Z"));
        documents.add(summary("Lab results March.pdf", "application/pdf", 80_100, "2026-03-01T14:45:00Z"));
        documents.add(summary("Wound photo left knee.jpg", "image/jpeg", 47_557, "2026-03-02T10:03:00Z"));
        documents.add(summary("Consent form signed.tiff", "image/tiff", 197_920, "2026-03-02T10:20:00Z"));
        documents.add(summary("Discharge letter (large scan).pdf", "application/pdf", 2_818_798, "2026-03-03T16:30:00Z"));
    }

    /** Lets uploads that wait in {@link #upload} finish. */
    void releaseUploads() {
        releaseUploads.countDown();
    }

    @Override
    public VaultState state() {
        return state;
    }

    @Override
    public boolean setUp(VaultSetup setup, char[] passphrase, boolean mayCreate) {
        state = VaultState.UNLOCKED;
        return true;
    }

    @Override
    public void unlock(char[] passphrase) {
        throw new SealDropException("SD-WRONG-PASSPHRASE", "The passphrase does not unlock this vault; type it again.");
    }

    @Override
    public void lock(LockReason reason) {
        state = VaultState.LOCKED;
    }

    @Override
    public String describe() {
        return "bucket clinic-documents, prefix sealdrop/, endpoint http://127.0.0.1:9000";
    }

    @Override
    public List<DocumentSummary> list() {
        return List.copyOf(documents);
    }

    /** Names with "fail" fail with an unreachable store; others report 42 % and wait for release. */
    @Override
    public DocumentSummary upload(Path file, String patientReference, TransferListener listener) {
        if (file.getFileName().toString().contains("fail")) {
            throw new SealDropException("SD-S3-UNREACHABLE", "The S3 endpoint did not answer; check the network.");
        }
        listener.progress(42, 100);
        try {
            releaseUploads.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return documents.get(0);
    }

    @Override
    public OpenedDocument open(UUID id, TransferListener listener) {
        throw new SealDropException("SD-INTEGRITY", "Chunk 2 of the document failed authentication.");
    }

    @Override
    public void export(UUID id, Path target, TransferListener listener) {
        throw new UnsupportedOperationException("Snapshots do not save copies.");
    }

    @Override
    public DocumentSummary verify(UUID id) {
        throw new UnsupportedOperationException("Snapshots do not verify documents.");
    }

    @Override
    public long pendingAuditEvents() {
        return 3;
    }

    /** The scripted list is the whole vault, so a sync finds nothing new. */
    @Override
    public SyncReport sync() {
        return new SyncReport(List.of(), List.of(), documents.size(), List.of(), 0);
    }

    @Override
    public SyncReport rebuildIndex() {
        throw new UnsupportedOperationException("Snapshots do not rebuild the index.");
    }

    private static DocumentSummary summary(String name, String mediaType, long size, String addedAt) {
        return new DocumentSummary(UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                name, mediaType, size, "reception", Instant.parse(addedAt), null, "uploaded");
    }
}
