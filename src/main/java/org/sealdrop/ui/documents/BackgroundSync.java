package org.sealdrop.ui.documents;

import java.util.concurrent.Executor;
import javafx.animation.PauseTransition;
import javafx.util.Duration;
import org.sealdrop.app.DocumentService;
import org.sealdrop.app.SyncReport;
import org.sealdrop.ui.BackgroundTasks;
import org.sealdrop.ui.ErrorReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs the index with the bucket off the application thread: once when the documents view starts,
 * which is after every unlock, and then every {@link #SYNC_INTERVAL}, or every
 * {@link #OFFLINE_RETRY_INTERVAL} while the storage endpoint does not respond. A sync that changed the
 * document list triggers {@code onListChanged}. Each result goes to the {@link StorageContact}, which
 * is how the status bar learns whether the endpoint answers while the window is idle. Failures open no
 * window, because a laptop off the network would get one every few minutes; they are logged when the
 * error code changes.
 */
final class BackgroundSync {

    /** Time between two syncs while the vault stays unlocked. */
    static final Duration SYNC_INTERVAL = Duration.minutes(5);

    /**
     * Time between two syncs while the last request to the endpoint failed for the connection: the
     * sync's listing is the one request per minute that finds the endpoint back.
     */
    static final Duration OFFLINE_RETRY_INTERVAL = Duration.minutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundSync.class);

    private final DocumentService documents;
    private final Executor executor;
    private final Runnable onListChanged;
    private final Runnable onVaultLocked;
    private final StorageContact storageContact;
    private final PauseTransition timer = new PauseTransition(SYNC_INTERVAL);
    private boolean running;
    private boolean stopped;
    private String lastFailure;

    /**
     * @param onListChanged called on the application thread after a sync that added or removed documents
     * @param onVaultLocked called on the application thread when a sync finds the vault locked
     * @param storageContact receives the result of every sync, and reports whether to retry sooner
     */
    BackgroundSync(DocumentService documents, Executor executor, Runnable onListChanged, Runnable onVaultLocked,
            StorageContact storageContact) {
        this.documents = documents;
        this.executor = executor;
        this.onListChanged = onListChanged;
        this.onVaultLocked = onVaultLocked;
        this.storageContact = storageContact;
        timer.setOnFinished(event -> syncNow());
    }

    /** Syncs at once, then after each sync's result every {@link #SYNC_INTERVAL} until {@link #stop()}. */
    void start() {
        syncNow();
    }

    /** Stops the timer; the result of a sync still running is ignored. */
    void stop() {
        stopped = true;
        timer.stop();
    }

    /**
     * Brings the next sync forward to {@link #OFFLINE_RETRY_INTERVAL} from now, after an upload or open
     * found the endpoint unreachable, so the status bar's "retrying" stays true while the window is idle.
     */
    void retrySoon() {
        if (running || stopped) {
            return;
        }
        Duration left = timer.getDuration().subtract(timer.getCurrentTime());
        if (left.greaterThan(OFFLINE_RETRY_INTERVAL)) {
            timer.stop();
            timer.setDuration(OFFLINE_RETRY_INTERVAL);
            timer.playFromStart();
        }
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
        if (stopped) {
            return;
        }
        storageContact.reached();
        scheduleNext();
        if (report.changedList()) {
            onListChanged.run();
        }
    }

    /** Arms the timer for the next sync: sooner while the last request to the endpoint, from any part of the window, failed for the connection. */
    private void scheduleNext() {
        timer.stop();
        timer.setDuration(storageContact.offline() ? OFFLINE_RETRY_INTERVAL : SYNC_INTERVAL);
        timer.playFromStart();
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
        storageContact.failed(failure);
        scheduleNext();
        if (!code.equals(lastFailure)) {
            LOG.warn("Syncing the index with the bucket failed with {} ({}); retrying in {} s", code,
                    failure.getClass().getName(), (long) timer.getDuration().toSeconds());
            lastFailure = code;
        }
    }
}
