package org.sealdrop.ui.documents;

import java.util.concurrent.Executor;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import org.sealdrop.app.DocumentService;
import org.sealdrop.app.SyncReport;
import org.sealdrop.ui.BackgroundTasks;
import org.sealdrop.ui.ErrorReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs the index with the bucket off the application thread: once when the documents view starts,
 * which is after every unlock, and then every {@link #SYNC_INTERVAL}. A sync that changed the document
 * list triggers {@code onListChanged}. Failures open no window, because a laptop off the network
 * would get one every few minutes; they are logged when the error code changes.
 */
final class BackgroundSync {

    /** Time between two syncs while the vault stays unlocked. */
    static final Duration SYNC_INTERVAL = Duration.minutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundSync.class);

    private final DocumentService documents;
    private final Executor executor;
    private final Runnable onListChanged;
    private final Runnable onVaultLocked;
    private final Timeline timer;
    private boolean running;
    private boolean stopped;
    private String lastFailure;

    /**
     * @param onListChanged called on the application thread after a sync that added or removed documents
     * @param onVaultLocked called on the application thread when a sync finds the vault locked
     */
    BackgroundSync(DocumentService documents, Executor executor, Runnable onListChanged, Runnable onVaultLocked) {
        this.documents = documents;
        this.executor = executor;
        this.onListChanged = onListChanged;
        this.onVaultLocked = onVaultLocked;
        this.timer = new Timeline(new KeyFrame(SYNC_INTERVAL, event -> syncNow()));
        timer.setCycleCount(Animation.INDEFINITE);
    }

    /** Syncs at once, then every {@link #SYNC_INTERVAL} until {@link #stop()}. */
    void start() {
        syncNow();
        timer.play();
    }

    /** Stops the timer; the result of a sync still running is ignored. */
    void stop() {
        stopped = true;
        timer.stop();
    }

    /** Starts a sync unless one is running or the view stopped. */
    void syncNow() {
        if (running || stopped) {
            return;
        }
        running = true;
        BackgroundTasks.run(executor, documents::sync, this::synced, this::failed);
    }

    private void synced(SyncReport report) {
        running = false;
        lastFailure = null;
        if (!stopped && report.changedList()) {
            onListChanged.run();
        }
    }

    private void failed(Throwable failure) {
        running = false;
        String code = ErrorReport.of(failure).code();
        if (stopped) {
            return;
        }
        if (DocumentsView.VAULT_LOCKED.equals(code)) {
            onVaultLocked.run();
            return;
        }
        if (!code.equals(lastFailure)) {
            LOG.warn("Syncing the index with the bucket failed with {} ({}); retrying in {} minutes", code,
                    failure.getClass().getName(), (long) SYNC_INTERVAL.toMinutes());
            lastFailure = code;
        }
    }
}
