package org.sealdrop.ui.documents;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.sealdrop.app.DocumentService;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.OpenedDocument;
import org.sealdrop.app.VaultAccess;
import org.sealdrop.ui.BackgroundTasks;
import org.sealdrop.ui.ErrorDialog;
import org.sealdrop.ui.ErrorReport;
import org.sealdrop.ui.Messages;
import org.sealdrop.ui.settings.SettingsButton;

/**
 * The unlocked main view: toolbar, patient reference, drop zone, transfer panel, document table and
 * status bar.
 *
 * <p>Every service call runs as a task on the injected executor. Opened documents are handed to
 * {@code onOpened}, which shows them in a viewer window and owns their plaintext from then on.
 */
public final class DocumentsView {

    private final DocumentService documents;
    private final Executor executor;
    private final Consumer<OpenedDocument> onOpened;
    private final Runnable onLock;

    /** Error code of an operation that needed the vault key while the vault was locked. */
    static final String VAULT_LOCKED = "SD-VAULT-LOCKED";

    private final DocumentListModel model = new DocumentListModel();
    private final TransferQueue transfers;
    private final StatusBar statusBar;
    private final BackgroundSync sync;
    private final TextField patientReference = new TextField();
    private final DropZone dropZone;
    private final TableView<DocumentSummary> table;
    private final DocumentSearchField search;
    private Consumer<UUID> onDeleted = id -> { };
    private final DroppedFiles droppedFiles;
    private final DocumentsToolbar toolbar;
    private final BorderPane root = new BorderPane();
    private FileChoosers fileChoosers = new NativeFileChoosers();
    private boolean refreshing;
    private boolean refreshAgain;
    private boolean stopped;

    /**
     * @param onOpened receives each opened document on the application thread
     * @param onLock called when the user presses Lock, and when the vault turns out to be locked
     */
    public DocumentsView(VaultAccess vault, DocumentService documents, Executor executor,
            Consumer<OpenedDocument> onOpened, Runnable onLock) {
        this.documents = documents;
        this.executor = executor;
        this.onOpened = onOpened;
        this.onLock = onLock;
        this.transfers = new TransferQueue(documents, executor, uploaded -> refresh());
        this.statusBar = new StatusBar(vault, documents, executor, this::vaultLocked);
        this.sync = new BackgroundSync(documents, executor, this::refresh, this::vaultLocked, statusBar);
        statusBar.setOnOffline(sync::retrySoon);
        transfers.setStorageContact(statusBar);

        this.dropZone = new DropZone(this::addDroppedFiles);
        this.droppedFiles = new DroppedFiles(documents, executor, transfers, dropZone, this::window, this::showFailure);
        transfers.setRecheck((file, reference) -> droppedFiles.add(List.of(file), reference));
        this.table = DocumentTable.create(model, this::open);
        boolean deleteAllowed = vault.settingsAccess().map(access -> access.current().deleteAllowed()).orElse(true);
        DocumentCommands commands = new DocumentCommands(documents, executor, table, model, new CommandHost(),
                deleteAllowed);
        this.search = new DocumentSearchField(model, table, commands.deleteButton());
        this.toolbar = new DocumentsToolbar(this::chooseFiles, this::chooseFolder, onLock);
        toolbar.addTool(SettingsButton.create());

        root.setTop(toolbar.root());
        root.setCenter(body());
        root.setBottom(statusBar.root());
        root.getStyleClass().add("documents-view");
    }

    public Node root() {
        return root;
    }

    /**
     * Loads the document list, queues the uploads interrupted on this computer, starts polling the
     * audit outbox and starts syncing the index with the bucket, at once and then every few minutes.
     */
    public void start() {
        refresh();
        transfers.enqueuePending(executor);
        sync.start();
        statusBar.start();
        if (root.getScene() != null) {
            toolbar.installShortcuts(root.getScene());
        }
        table.requestFocus();
    }

    /**
     * Stops polling and syncing, cancels uploads that have not started, closes an open duplicate
     * question without queuing its files, and clears the document table and the transfer list so that
     * no document name stays on screen or in this view. Used when
     * locking or closing. Results of work still running are then ignored, so no error window opens
     * over the passphrase prompt. Uploads already running go on and finish without a row in the list.
     */
    public void stop() {
        stopped = true;
        toolbar.removeShortcuts();
        sync.stop();
        statusBar.stop();
        transfers.cancelQueued();
        droppedFiles.stop();
        table.getSelectionModel().clearSelection();
        search.clear();
        model.clear();
        transfers.items().clear();
    }

    /**
     * Takes files and folders as a drop delivers them: folders are expanded, every file gets a
     * "Checking" row at once, and the duplicate check reads each file off the application thread, with
     * a Cancel on its row. When the vault or the drop already has the content of some files, one dialog
     * lists them and offers to skip them. Then every other file is queued with the patient reference
     * typed before the drop, which is cleared at once. The upload reuses the check's SHA-256.
     *
     * @return {@code false} when the list is empty, after telling the user that no files came with it
     */
    public boolean addDroppedFiles(List<File> dropped) {
        if (dropped == null || dropped.isEmpty()) {
            dropZone.showMessage(Messages.text("dropZone.noFiles"));
            return false;
        }
        List<Path> paths = new ArrayList<>();
        dropped.forEach(file -> paths.add(file.toPath()));
        droppedFiles.add(paths, takePatientReference());
        return true;
    }

    /**
     * Replaces the file and folder dialogs of "Add files…" and "Add folder…". The window keeps the
     * native dialogs; a headless test, which cannot drive a native dialog, passes choosers that return
     * files directly.
     */
    public void useFileChoosers(FileChoosers choosers) {
        this.fileChoosers = choosers;
    }

    /** The transfer list's view model, for tests that wait for uploads. */
    public TransferQueue transfers() {
        return transfers;
    }

    /** Sets what runs once a document was deleted, such as closing its viewer; called on the application thread. */
    public void setOnDeleted(Consumer<UUID> onDeleted) {
        this.onDeleted = onDeleted;
    }

    /** Reloads the document table; requests made while a reload runs are merged into one more reload. */
    public void refresh() {
        if (stopped) {
            return;
        }
        if (refreshing) {
            refreshAgain = true;
            return;
        }
        refreshing = true;
        BackgroundTasks.run(executor, documents::list, list -> {
            showRows(list);
            refreshDone();
        }, failure -> {
            refreshDone();
            showFailure("document list", failure);
        });
    }

    /**
     * Replaces the table rows only when the list changed, and keeps the selected document selected,
     * so a refresh after an upload does not break a click or a double-click in progress.
     */
    private void showRows(List<DocumentSummary> list) {
        DocumentSummary selected = table.getSelectionModel().getSelectedItem();
        if (!model.setAll(list)) {
            return;
        }
        if (selected != null) {
            List<DocumentSummary> rows = table.getItems();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).id().equals(selected.id())) {
                    table.getSelectionModel().select(i);
                    break;
                }
            }
        }
    }

    private void refreshDone() {
        refreshing = false;
        if (refreshAgain) {
            refreshAgain = false;
            refresh();
        }
    }

    /** Opens a document with an "Opening" row in the transfer list that shows the download and can cancel it. */
    private void open(DocumentSummary summary) {
        transfers.open(summary, opened -> {
            if (stopped) {
                opened.close();
                return;
            }
            statusBar.pollNow();
            try {
                onOpened.accept(opened);
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        }, failure -> {
            statusBar.pollNow();
            showFailure("open", failure);
        });
    }

    /** Shows a failure, or returns to the passphrase prompt when the failure is a locked vault. */
    private void showFailure(String action, Throwable failure) {
        if (stopped) {
            return;
        }
        if (VAULT_LOCKED.equals(ErrorReport.of(failure).code())) {
            vaultLocked();
            return;
        }
        ErrorDialog.show(window(), action, failure);
    }

    private void vaultLocked() {
        if (!stopped) {
            onLock.run();
        }
    }

    /** Adds the files picked in the file chooser like a drop, with the patient reference typed before. */
    private void chooseFiles() {
        if (stopped) {
            return;
        }
        List<File> chosen = fileChoosers.chooseFiles(window());
        if (!chosen.isEmpty()) {
            addDroppedFiles(chosen);
        }
    }

    /** Adds the folder picked in the folder chooser like a dropped folder, expanded the same way. */
    private void chooseFolder() {
        if (stopped) {
            return;
        }
        File chosen = fileChoosers.chooseFolder(window());
        if (chosen != null) {
            addDroppedFiles(List.of(chosen));
        }
    }

    private String takePatientReference() {
        String reference = patientReference.getText().trim();
        patientReference.clear();
        return reference.isEmpty() ? null : reference;
    }

    private Node body() {
        Label referenceLabel = new Label(Messages.text("documents.patientReference"));
        referenceLabel.setMnemonicParsing(true);
        referenceLabel.setLabelFor(patientReference);
        patientReference.setId("patientReference");
        patientReference.setPromptText(Messages.text("documents.patientReference.prompt"));
        patientReference.setAccessibleText(Messages.text("documents.patientReference.accessible"));
        HBox.setHgrow(patientReference, Priority.ALWAYS);
        HBox reference = new HBox(8, referenceLabel, patientReference);
        reference.setAlignment(Pos.CENTER_LEFT);

        TransfersPanel transfersPanel = new TransfersPanel(transfers);

        Label documentsTitle = new Label(Messages.text("documents.table.title"));
        documentsTitle.getStyleClass().add("section-title");
        VBox.setVgrow(table, Priority.ALWAYS);

        VBox body = new VBox(10, reference, dropZone.root(), transfersPanel.root(), documentsTitle, search.root(),
                table);
        body.setPadding(new Insets(8, 16, 12, 16));
        return body;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** Lets the table's commands open, refresh, report failures and announce deletes through this view. */
    private final class CommandHost implements DocumentCommands.Host {

        @Override
        public void open(DocumentSummary document) {
            DocumentsView.this.open(document);
        }

        @Override
        public void refresh() {
            DocumentsView.this.refresh();
        }

        @Override
        public void showFailure(String action, Throwable failure) {
            DocumentsView.this.showFailure(action, failure);
        }

        @Override
        public void deleted(UUID id) {
            onDeleted.accept(id);
        }

        @Override
        public Window window() {
            return DocumentsView.this.window();
        }
    }
}
