package org.sealdrop.cli;

import java.io.PrintWriter;
import java.util.List;
import org.sealdrop.SealDropException;
import org.sealdrop.app.DocumentService;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.PendingUpload;
import org.sealdrop.app.TransferListener;
import org.sealdrop.transfer.UploadResumer;

/**
 * The work of {@code sealdrop upload --resume}: one output line per finished document (id, size,
 * "resumed") and one error line per document that was not, naming the document by its id only.
 */
final class ResumedUploads {

    private final DocumentService documents;
    private final PrintWriter out;
    private final PrintWriter err;

    ResumedUploads(DocumentService documents, PrintWriter out, PrintWriter err) {
        this.documents = documents;
        this.out = out;
        this.err = err;
    }

    /**
     * Resumes every pending upload and returns the exit status: 0 when all finished, 1 otherwise.
     *
     * @param discard whether to remove uploads whose source folder is unavailable rather than keep them
     */
    int resumeAll(boolean discard) {
        List<PendingUpload> pending = documents.pendingUploads();
        if (pending.isEmpty()) {
            err.println("sealdrop: no interrupted uploads to resume.");
            return 0;
        }
        int failures = 0;
        for (PendingUpload upload : pending) {
            if (!resumeOne(upload, discard)) {
                failures++;
            }
        }
        return failures == 0 ? 0 : SealDropCommand.EXIT_FAILURE;
    }

    private boolean resumeOne(PendingUpload upload, boolean discard) {
        try {
            DocumentSummary document = documents.resume(upload.id(), TransferListener.NONE);
            out.println(document.id() + "\t" + document.size() + "\tresumed");
            out.flush();
            return true;
        } catch (SealDropException e) {
            if (discard && UploadResumer.SOURCE_UNAVAILABLE.equals(e.errorCode())) {
                return discard(upload);
            }
            err.println("sealdrop: the upload of document " + upload.id() + " was not resumed: " + e.getMessage()
                    + " [" + e.errorCode() + "]");
            return false;
        }
    }

    private boolean discard(PendingUpload upload) {
        try {
            documents.discardUpload(upload.id());
            err.println("sealdrop: the upload of document " + upload.id()
                    + " was discarded because its file is not available; add the file again when it is.");
        } catch (SealDropException e) {
            err.println("sealdrop: the upload of document " + upload.id() + " could not be discarded: "
                    + e.getMessage() + " [" + e.errorCode() + "]");
        }
        return false;
    }
}
