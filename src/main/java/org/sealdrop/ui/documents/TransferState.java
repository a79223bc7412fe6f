package org.sealdrop.ui.documents;

/** Stages of one file's upload as the transfer list shows them. */
public enum TransferState {
    QUEUED,
    UPLOADING,
    UPLOADED,
    FAILED,
    SKIPPED,
    CANCELLED;

    /** Tells whether the row will not change any more. */
    public boolean isFinal() {
        return this != QUEUED && this != UPLOADING;
    }
}
