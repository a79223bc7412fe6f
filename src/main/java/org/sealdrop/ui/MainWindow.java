package org.sealdrop.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import javafx.geometry.Dimension2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.sealdrop.app.DocumentService;
import org.sealdrop.app.LockReason;
import org.sealdrop.app.OpenedDocument;
import org.sealdrop.app.SetUpResult;
import org.sealdrop.app.VaultAccess;
import org.sealdrop.app.VaultState;
import org.sealdrop.ui.documents.DocumentsView;
import org.sealdrop.ui.settings.SettingsButton;
import org.sealdrop.ui.settings.SettingsWindow;
import org.sealdrop.ui.theme.UiTheme;
import org.sealdrop.ui.vault.SetupView;
import org.sealdrop.ui.vault.UnlockView;
import org.sealdrop.ui.viewer.ViewerWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SealDrop main window. It queries the vault state and shows the first-run form, the
 * passphrase prompt or the documents view, and it keeps track of the viewer windows so that locking
 * and closing wipe every opened document.
 *
 * <p>While the documents view shows, an {@link AutoLockTimer} watches this window and every viewer
 * window. After the auto-lock time without input it locks the vault as the Lock button does, with
 * the reason {@link LockReason#IDLE} in the lock audit event.
 */
public final class MainWindow {

    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);

    private final Stage stage;
    private final VaultAccess vault;
    private final DocumentService documents;
    private final Executor executor;
    private final StackPane content = new StackPane();
    private final HandedFilesNotice handedNotice = new HandedFilesNotice();
    private final List<ViewerWindow> viewers = new ArrayList<>();
    private final Map<ViewerWindow, UUID> viewedDocuments = new HashMap<>();
    private final AutoLockTimer autoLock;
    private final HandedFiles handedFiles;
    private DocumentsView documentsView;
    private SettingsWindow settingsWindow;

    private MainWindow(Stage stage, VaultAccess vault, DocumentService documents, Executor executor, Clock idleClock,
            HandedFiles handedFiles) {
        this.stage = stage;
        this.handedFiles = handedFiles;
        this.vault = vault;
        this.documents = documents;
        this.executor = executor;
        this.autoLock = new AutoLockTimer(idleClock, this::lockAfterIdle);
    }

    /**
     * Builds the window into {@code stage}, shows it and starts with the view that fits the vault's
     * state. Call on the application thread; every service call runs on {@code executor}.
     */
    public static MainWindow show(Stage stage, VaultAccess vault, DocumentService documents, Executor executor) {
        return show(stage, vault, documents, executor, Clock.systemUTC());
    }

    /**
     * Like {@link #show(Stage, VaultAccess, DocumentService, Executor)}, with the wall clock that
     * measures idle time for auto-lock; tests move such a clock forward instead of waiting.
     */
    public static MainWindow show(Stage stage, VaultAccess vault, DocumentService documents, Executor executor,
            Clock idleClock) {
        return show(stage, vault, documents, executor, idleClock, new HandedFiles());
    }

    /**
     * Like {@link #show(Stage, VaultAccess, DocumentService, Executor, Clock)}, and queues the files in
     * {@code handedFiles} as a drop does: the waiting ones once the documents view shows, later ones
     * as they arrive. Each hand-off also brings the window to the front.
     */
    public static MainWindow show(Stage stage, VaultAccess vault, DocumentService documents, Executor executor,
            Clock idleClock, HandedFiles handedFiles) {
        MainWindow window = new MainWindow(stage, vault, documents, executor, idleClock, handedFiles);
        Dimension2D size = WindowSizes.fitToScreen(1000, 720);
        Scene scene = new Scene(window.handedNotice.wrap(window.content), size.getWidth(), size.getHeight());
        window.autoLock.watch(scene);
        window.listenForSettingsRequests(scene);
        UiTheme.apply(scene);
        WindowShortcuts.install(scene, window::lockFromShortcut);
        stage.setScene(scene);
        stage.setTitle(Messages.text("app.title"));
        stage.setMinWidth(640);
        stage.setMinHeight(480);
        AppIcons.applyTo(stage);
        stage.setOnHidden(event -> window.shutDown());
        stage.show();
        handedFiles.onHandOff(window::handOffArrived);
        window.showForState();
        return window;
    }

    public Stage stage() {
        return stage;
    }

    /** The documents view while the vault is unlocked, otherwise {@code null}. */
    public DocumentsView documentsView() {
        return documentsView;
    }

    /** Viewer windows that are open now. */
    public List<ViewerWindow> viewers() {
        return List.copyOf(viewers);
    }

    /** Closes every viewer window, which wipes the plaintext of their documents. */
    public void closeViewers() {
        for (ViewerWindow viewer : List.copyOf(viewers)) {
            viewer.close();
        }
        viewers.clear();
    }

    private void showForState() {
        setContent(new ProgressIndicator(), Messages.text("app.title"));
        BackgroundTasks.run(executor, vault::state, this::showFor, failure -> {
            ErrorDialog.show(stage, "vault state", failure);
            showRetry();
        });
    }

    private void showFor(VaultState state) {
        switch (state) {
            case NOT_CONFIGURED:
                setContent(new SetupView(vault, executor, this::setUpDone).root(), Messages.text("setup.window.title"));
                break;
            case LOCKED:
                showUnlock();
                break;
            default:
                showDocuments();
                break;
        }
    }

    /** Shows the documents; the wizard already showed a new vault's recovery key, so only a join gets a note. */
    private void setUpDone(SetUpResult result) {
        showDocuments();
        result.close();
        if (result.created()) {
            return;
        }
        Alert note = new Alert(Alert.AlertType.INFORMATION);
        note.initOwner(stage);
        Dialogs.prepare(note);
        note.setTitle(Messages.text("app.title"));
        note.setHeaderText(Messages.text("setup.done.joined"));
        note.show();
    }

    private void showUnlock() {
        UnlockView unlock = new UnlockView(vault, executor, this::showDocuments);
        setContent(unlock.root(), Messages.text("unlock.window.title"));
        unlock.focus();
    }

    /** Returns the idle timer, which runs while the documents view shows. */
    public AutoLockTimer autoLock() {
        return autoLock;
    }

    private void showDocuments() {
        DocumentsView shown = new DocumentsView(vault, documents, executor, this::openViewer,
                () -> lock(LockReason.REQUEST));
        documentsView = shown;
        shown.setOnDeleted(this::closeViewersOf);
        setContent(shown.root(), Messages.text("app.title"));
        shown.start();
        startAutoLock(shown);
        queueHandedFiles();
    }

    private void handOffArrived() {
        stage.setIconified(false);
        stage.toFront();
        stage.requestFocus();
        queueHandedFiles();
    }

    /** Queues waiting handed files in the documents view, or shows how many wait while it does not show. */
    private void queueHandedFiles() {
        if (documentsView == null) {
            handedNotice.show(handedFiles.waitingCount());
            return;
        }
        handedNotice.show(0);
        List<Path> files = handedFiles.take();
        if (!files.isEmpty()) {
            documentsView.addDroppedFiles(files.stream().map(Path::toFile).toList());
        }
    }

    /** Reads the auto-lock time off the application thread and starts the idle timer for {@code shown}. */
    private void startAutoLock(DocumentsView shown) {
        BackgroundTasks.run(executor, vault::autoLockAfter, timeout -> {
            // The vault may have been locked, and even unlocked again, while the setting was read.
            if (documentsView == shown) {
                startTimer(timeout);
            }
        }, failure -> {
            LOG.warn("Reading the auto-lock time failed ({}); using {} minutes", failure.getClass().getName(),
                    VaultAccess.DEFAULT_AUTO_LOCK.toMinutes());
            if (documentsView == shown) {
                startTimer(VaultAccess.DEFAULT_AUTO_LOCK);
            }
        });
    }

    private void startTimer(Duration timeout) {
        if (timeout.isZero()) {
            LOG.info("Auto-lock is off (autoLockMinutes is 0)");
        }
        autoLock.start(timeout);
    }

    /** Opens the Settings window on the Settings button's event and on Ctrl+comma (Cmd+comma on macOS). */
    private void listenForSettingsRequests(Scene scene) {
        content.addEventHandler(SettingsButton.OPEN_REQUEST, event -> openSettings());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN),
                this::openSettings);
    }

    /** Opens the Settings window while the documents view shows, or brings the open one to the front. */
    public void openSettings() {
        if (documentsView == null) {
            return;
        }
        if (settingsWindow != null && settingsWindow.stage().isShowing()) {
            settingsWindow.stage().toFront();
            return;
        }
        vault.settingsAccess().ifPresent(access -> {
            DocumentsView shown = documentsView;
            settingsWindow = SettingsWindow.open(stage, access, executor, () -> {
                if (documentsView == shown) {
                    // Takes over a changed auto-lock time at once; the timer counts idle time anew.
                    startAutoLock(shown);
                }
            });
            autoLock.watch(settingsWindow.stage().getScene());
        });
    }

    /** Returns the Settings window while it is open, otherwise {@code null}. */
    public SettingsWindow settingsWindow() {
        return settingsWindow != null && settingsWindow.stage().isShowing() ? settingsWindow : null;
    }

    private void closeSettings() {
        if (settingsWindow != null) {
            settingsWindow.close();
            settingsWindow = null;
        }
    }

    private void openViewer(OpenedDocument opened) {
        UUID id = opened.id();
        ViewerWindow viewer = ViewerWindow.open(opened, documents, executor);
        if (!vault.settingsAccess().map(access -> access.current().printAllowed()).orElse(true)) {
            viewer.printing().setPrintAllowed(false);
        }
        viewers.add(viewer);
        viewedDocuments.put(viewer, id);
        viewer.stage().addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> viewedDocuments.remove(viewer));
        autoLock.watch(viewer.stage().getScene());
        viewer.stage().addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> {
            viewers.remove(viewer);
            returnFocus();
        });
    }

    /** Locks as the Lock button does, when the documents view shows; elsewhere the shortcut does nothing. */
    private void lockFromShortcut() {
        if (documentsView != null) {
            lock(LockReason.REQUEST);
        }
    }

    /**
     * Gives the keyboard focus back to this window after a viewer closed, unless another window has
     * it, so that a user who closed the viewer with Escape can go on by keyboard.
     */
    private void returnFocus() {
        boolean otherFocused = Window.getWindows().stream().anyMatch(shown -> shown != stage && shown.isFocused());
        if (stage.isShowing() && !otherFocused) {
            stage.requestFocus();
        }
    }

    /** Closes the viewers of a deleted document, which wipes their plaintext. */
    private void closeViewersOf(UUID id) {
        for (ViewerWindow viewer : List.copyOf(viewers)) {
            if (id.equals(viewedDocuments.get(viewer))) {
                viewer.close();
            }
        }
    }

    private void lockAfterIdle() {
        LOG.info("No input for the auto-lock time; locking the vault");
        lock(LockReason.IDLE);
    }

    /**
     * Stops the idle timer and the documents view, which clears the document names from it, closes the
     * viewers, which wipes their plaintext, then locks the vault and shows the passphrase prompt.
     */
    private void lock(LockReason reason) {
        autoLock.stop();
        closeSettings();
        stopDocuments();
        closeViewers();
        setContent(new ProgressIndicator(), Messages.text("app.title"));
        BackgroundTasks.run(executor, () -> {
            vault.lock(reason);
            return Boolean.TRUE;
        }, locked -> showUnlock(), failure -> {
            ErrorDialog.show(stage, "lock", failure);
            showUnlock();
        });
    }

    private void shutDown() {
        int dropped = handedFiles.close().size();
        if (dropped > 0) {
            LOG.info("Window closed with {} handed files not queued", dropped);
        }
        autoLock.stop();
        closeSettings();
        stopDocuments();
        closeViewers();
    }

    private void stopDocuments() {
        if (documentsView != null) {
            documentsView.stop();
            documentsView = null;
        }
    }

    private void showRetry() {
        Label message = new Label(Messages.text("app.stateFailed"));
        message.setWrapText(true);
        Button retry = new Button(Messages.text("app.retry"));
        retry.setDefaultButton(true);
        retry.setOnAction(event -> showForState());
        VBox box = new VBox(16, message, retry);
        box.getStyleClass().add("dialog-view");
        box.setMaxWidth(480);
        setContent(box, Messages.text("app.title"));
    }

    /** Shows {@code view}; outside the documents view, the notice counts the handed files that wait. */
    private void setContent(Node view, String title) {
        handedNotice.show(documentsView == null ? handedFiles.waitingCount() : 0);
        content.getChildren().setAll(view);
        stage.setTitle(title);
    }
}
