package org.sealdrop.ui.viewer;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.sealdrop.app.DocumentService;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.OpenedDocument;
import org.sealdrop.app.SyncReport;
import org.sealdrop.app.TransferListener;

/** A document service for viewer tests that must not reach any service: every call fails the test. */
class RejectingDocumentService implements DocumentService {

    @Override
    public List<DocumentSummary> list() {
        throw new AssertionError("The viewer must not list documents.");
    }

    @Override
    public DocumentSummary upload(Path file, String patientReference, TransferListener listener) {
        throw new AssertionError("The viewer must not upload.");
    }

    @Override
    public OpenedDocument open(UUID id, TransferListener listener) {
        throw new AssertionError("The viewer must not open documents.");
    }

    @Override
    public void export(UUID id, Path target, TransferListener listener) {
        throw new AssertionError("This test does not save copies.");
    }

    @Override
    public DocumentSummary verify(UUID id) {
        throw new AssertionError("The viewer must not verify documents.");
    }

    @Override
    public long pendingAuditEvents() {
        throw new AssertionError("The viewer must not count audit events.");
    }

    @Override
    public SyncReport sync() {
        throw new AssertionError("The viewer must not sync the index.");
    }

    @Override
    public SyncReport rebuildIndex() {
        throw new AssertionError("The viewer must not rebuild the index.");
    }
}
