package org.sealdrop.bench.transfer;

import java.nio.file.Path;
import java.util.UUID;
import org.sealdrop.app.DocumentService;
import org.sealdrop.app.TransferListener;

/**
 * SealDrop as the window uses it: {@link DocumentService#upload} encrypts and uploads a file, records
 * it in the index and writes the audit event, and {@link DocumentService#export} downloads,
 * authenticates and decrypts it to a file, with its audit event.
 */
final class SealDropContender implements Contender {

    private final DocumentService documents;

    SealDropContender(DocumentService documents) {
        this.documents = documents;
    }

    @Override
    public String name() {
        return "SealDrop";
    }

    @Override
    public String upload(Path file) {
        return documents.upload(file, null, TransferListener.NONE).id().toString();
    }

    @Override
    public void download(String handle, Path target) {
        documents.export(UUID.fromString(handle), target, TransferListener.NONE);
    }

    @Override
    public void delete(String handle) {
        documents.delete(UUID.fromString(handle));
    }

    @Override
    public void close() {
        // The services belong to the bench's TestEnvironment, which closes them.
    }
}
