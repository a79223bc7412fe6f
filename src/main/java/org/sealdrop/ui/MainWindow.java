package org.sealdrop.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.geometry.Dimension2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.sealdrop.app.DocumentService;
import org.sealdrop.app.OpenedDocument;
import org.sealdrop.app.VaultAccess;
import org.sealdrop.app.VaultState;
import org.sealdrop.ui.documents.DocumentsView;
import org.sealdrop.ui.vault.SetupView;
import org.sealdrop.ui.vault.UnlockView;
import org.sealdrop.ui.viewer.ViewerWindow;

/**
 * The SealDrop main window. It queries the vault state and shows the first-run form, the
 * passphrase prompt or the documents view, and it keeps track of the viewer windows so that locking
 * and closing wipe every opened document.
 */
public final class MainWindow {

    private final Stage stage;
    private final VaultAccess vault;
    private final DocumentService documents;
    private final Executor executor;
    private final StackPane content = new StackPane();
    private final List<ViewerWindow> viewers = new ArrayList<>();
    private DocumentsView documentsView;

    private MainWindow(Stage stage, VaultAccess vault, DocumentService documents, Executor executor) {
        this.stage = stage;
        this.vault = vault;
        this.documents = documents;
        this.executor = executor;
    }

    /**
     * Builds the window into {@code stage}, shows it and starts with the view that fits the vault's
     * state. Call on the application thread; every service call runs on {@code executor}.
     */
    public static MainWindow show(Stage stage, VaultAccess vault, DocumentService documents, Executor executor) {
        MainWindow window = new MainWindow(stage, vault, documents, executor);
        Dimension2D size = WindowSizes.fitToScreen(1000, 720);
        Scene scene = new Scene(window.content, size.getWidth(), size.getHeight());
        scene.getStylesheets().add(MainWindow.class.getResource("/org/sealdrop/ui/sealdrop.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle(Messages.text("app.title"));
        stage.setMinWidth(640);
        stage.setMinHeight(480);
        AppIcons.applyTo(stage);
        stage.setOnHidden(event -> window.shutDown());
        stage.show();
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

    private void setUpDone(boolean created) {
        showDocuments();
        Alert note = new Alert(Alert.AlertType.INFORMATION);
        note.initOwner(stage);
        note.setTitle(Messages.text("app.title"));
        note.setHeaderText(Messages.text(created ? "setup.done.created" : "setup.done.joined"));
        note.show();
    }

    private void showUnlock() {
        UnlockView unlock = new UnlockView(vault, executor, this::showDocuments);
        setContent(unlock.root(), Messages.text("unlock.window.title"));
        unlock.focus();
    }

    private void showDocuments() {
        documentsView = new DocumentsView(vault, documents, executor, this::openViewer, this::lock);
        setContent(documentsView.root(), Messages.text("app.title"));
        documentsView.start();
    }

    private void openViewer(OpenedDocument opened) {
        ViewerWindow viewer = ViewerWindow.open(opened, documents, executor);
        viewers.add(viewer);
        viewer.stage().addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> viewers.remove(viewer));
    }

    /** Stops the documents view, closes the viewers, then locks the vault and shows the passphrase prompt. */
    private void lock() {
        stopDocuments();
        closeViewers();
        setContent(new ProgressIndicator(), Messages.text("app.title"));
        BackgroundTasks.run(executor, () -> {
            vault.lock();
            return Boolean.TRUE;
        }, locked -> showUnlock(), failure -> {
            ErrorDialog.show(stage, "lock", failure);
            showUnlock();
        });
    }

    private void shutDown() {
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

    private void setContent(Node view, String title) {
        content.getChildren().setAll(view);
        stage.setTitle(title);
    }
}
