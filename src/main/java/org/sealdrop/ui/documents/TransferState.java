package org.sealdrop.ui.documents;

/** Stages of one transfer as the transfer list shows them: a dropped file's check and upload, or an open. */
public enum TransferState {
    /** A dropped file being read for the duplicate check, before its upload is queued. */
    CHECKING,
    QUEUED,
    UPLOADING,
    /** A document being downloaded and verified for the viewer. */
    OPENING,
    UPLOADED,
    FAILED,
    SKIPPED,
    CANCELLED;

    /** Tells whether the row will not change any more. */
    public boolean isFinal() {
        return this != CHECKING && this != QUEUED && this != UPLOADING && this != OPENING;
    }

    /** Tells whether the transfer is reading or sending bytes now, so its row shows live progress. */
    boolean isRunning() {
        return this == CHECKING || this == UPLOADING || this == OPENING;
    }
}
