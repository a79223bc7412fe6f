package org.sealdrop.ui.documents;

/**
 * Receiver of the results of requests to the storage endpoint (sync, upload, open), so that the
 * status bar shows whether the endpoint responds without sending requests of its own. Called on the
 * JavaFX application thread.
 */
interface StorageContact {

    /** A receiver that ignores every result. */
    StorageContact NONE = new StorageContact() {
        @Override
        public void reached() {
        }

        @Override
        public void failed(Throwable failure) {
        }

        @Override
        public boolean offline() {
            return false;
        }
    };

    /** Records a request that the endpoint responded to. */
    void reached();

    /** Records a failed request; only connection failures change what the status bar shows. */
    void failed(Throwable failure);

    /** Tells whether the last result was a connection failure, so the background sync tries again sooner. */
    boolean offline();
}
