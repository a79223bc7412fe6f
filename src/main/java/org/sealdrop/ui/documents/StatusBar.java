package org.sealdrop.ui.documents;

import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Executor;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.sealdrop.app.DocumentService;
import org.sealdrop.app.VaultAccess;
import org.sealdrop.app.VaultState;
import org.sealdrop.audit.AuditStatus;
import org.sealdrop.ui.BackgroundTasks;
import org.sealdrop.ui.ErrorReport;
import org.sealdrop.ui.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bottom bar: the vault description, the connection to the storage endpoint, the current activity,
 * and the number and age of the audit events that wait to be acknowledged by the audit receiver,
 * polled off the application thread.
 *
 * <p>The connection text follows the results of the background sync, uploads and opens
 * ({@link StorageContact}); the bar sends no request to the endpoint itself.
 */
final class StatusBar implements StorageContact {

    /** Time between two polls of the audit outbox. */
    static final Duration POLL_INTERVAL = Duration.seconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(StatusBar.class);

    /** Set on the audit label while the receiver's rejections of this computer's events are not cleared. */
    private static final PseudoClass REJECTED = PseudoClass.getPseudoClass("rejected");

    /** Set on the connection label while the storage endpoint does not respond. */
    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");

    private final VaultAccess vaultAccess;
    private final DocumentService documents;
    private final Executor executor;
    private final Runnable onVaultLocked;
    private final Label vault = new Label();
    private final Label connection = new Label();
    private final ConnectionStatus connectionStatus = new ConnectionStatus();
    private final Label activity = new Label();
    private final Label pendingAudit = new Label();
    private final HBox root;
    private final Timeline poll;
    private Runnable onOffline = () -> { };
    private boolean pollRunning;
    private String lastPollFailure;

    /** @param onVaultLocked called on the application thread when a poll finds the vault locked */
    StatusBar(VaultAccess vaultAccess, DocumentService documents, Executor executor, Runnable onVaultLocked) {
        this.vaultAccess = vaultAccess;
        this.documents = documents;
        this.executor = executor;
        this.onVaultLocked = onVaultLocked;

        vault.setId("vaultDescription");
        connection.setId("connectionStatus");
        connection.setText(connectionStatus.text(ZoneId.systemDefault()));
        activity.setId("activity");
        pendingAudit.setId("pendingAudit");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        root = new HBox(16, vault, connection, activity, gap, pendingAudit);
        root.getStyleClass().add("status-bar");
        root.setAlignment(Pos.CENTER_LEFT);

        BackgroundTasks.run(executor, vaultAccess::describe, vault::setText,
                failure -> vault.setText(Messages.text("status.vault.unknown")));
        poll = new Timeline(new KeyFrame(POLL_INTERVAL, event -> pollNow()));
        poll.setCycleCount(Animation.INDEFINITE);
    }

    Node root() {
        return root;
    }

    /** Polls at once, then every {@link #POLL_INTERVAL} until {@link #stop()}. */
    void start() {
        pollNow();
        poll.play();
    }

    void stop() {
        poll.stop();
    }

    @Override
    public void reached() {
        if (connectionStatus.state() == ConnectionStatus.State.OFFLINE) {
            LOG.info("The storage endpoint responds again");
        }
        connectionStatus.succeeded();
        showConnection();
    }

    @Override
    public void failed(Throwable failure) {
        boolean wasOffline = connectionStatus.state() == ConnectionStatus.State.OFFLINE;
        String code = ErrorReport.of(failure).code();
        if (connectionStatus.failed(code, Instant.now()) && !wasOffline) {
            LOG.warn("A request to the storage endpoint failed with {}; shown as offline, the sync retries every {} s", code,
                    (long) BackgroundSync.OFFLINE_RETRY_INTERVAL.toSeconds());
            onOffline.run();
        }
        showConnection();
    }

    /** Sets what runs when the endpoint stops responding, such as bringing the next sync forward. */
    void setOnOffline(Runnable onOffline) {
        this.onOffline = onOffline;
    }

    @Override
    public boolean offline() {
        return connectionStatus.state() == ConnectionStatus.State.OFFLINE;
    }

    private void showConnection() {
        connection.setText(connectionStatus.text(ZoneId.systemDefault()));
        connection.pseudoClassStateChanged(OFFLINE, offline());
    }

    /** Shows what the window is doing, such as opening a document; empty text clears it. */
    void showActivity(String text) {
        activity.setText(text);
    }

    /**
     * Polls the outbox and the vault state unless a poll is still running, so a slow index never
     * piles up polls. A vault found locked (by another window or an idle timer) is reported.
     */
    void pollNow() {
        if (pollRunning) {
            return;
        }
        pollRunning = true;
        BackgroundTasks.run(executor, () -> new Poll(vaultAccess.state(), documents.auditStatus()), poll -> {
            pollRunning = false;
            lastPollFailure = null;
            pendingAudit.setText(PendingAuditText.of(poll.audit(), Instant.now()));
            pendingAudit.pseudoClassStateChanged(REJECTED, poll.audit().rejectedCount() > 0);
            if (poll.state() != VaultState.UNLOCKED) {
                onVaultLocked.run();
            }
        }, failure -> {
            pollRunning = false;
            String code = ErrorReport.of(failure).code();
            // A failing poll repeats every few seconds, so only a change of error code is logged.
            if (!code.equals(lastPollFailure)) {
                LOG.warn("Counting pending audit events failed with {} ({})", code, failure.getClass().getName());
                lastPollFailure = code;
            }
            pendingAudit.setText(Messages.text("status.pendingAudit.unknown"));
        });
    }

    private record Poll(VaultState state, AuditStatus audit) {
    }
}
