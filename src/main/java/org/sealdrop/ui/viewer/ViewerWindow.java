package org.sealdrop.ui.viewer;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javafx.geometry.Dimension2D;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.sealdrop.app.DocumentService;
import org.sealdrop.app.OpenedDocument;
import org.sealdrop.ui.AppIcons;
import org.sealdrop.ui.BackgroundTasks;
import org.sealdrop.ui.ErrorDialog;
import org.sealdrop.ui.ErrorReport;
import org.sealdrop.ui.Messages;
import org.sealdrop.ui.WindowShortcuts;
import org.sealdrop.ui.WindowSizes;
import org.sealdrop.ui.theme.UiTheme;
import org.sealdrop.viewer.DocumentKind;
import org.sealdrop.viewer.PageRenderer;
import org.sealdrop.viewer.PlainText;

/**
 * A window that shows one opened document: PDF pages, image frames, text, or for other kinds a note
 * with "Save a decrypted copy…". The window owns the {@link OpenedDocument}: closing it releases the
 * renderer and then wipes the plaintext.
 *
 * <p>Layout: the toolbar (status, save, help) and below it the page bar of {@link PagedView} sit in
 * the top of the root pane; the page area ({@link PagedView#pages()}) or a message is its center.
 * Keys are handled by {@link ViewerShortcuts} and listed by {@link ShortcutsHelp} (F1).
 *
 * <p>A password-protected PDF asks for its password with {@link PdfPasswordDialog}; a wrong one asks
 * again, and Cancel shows that the PDF is protected. Neither is a damaged or altered document.
 *
 * <p>Every page and text shown carries a {@link Watermark}; Ctrl+P prints through {@link ViewerPrinting}.
 */
public final class ViewerWindow {

    private final Stage stage;
    private final OpenedDocument document;
    private final Executor executor;
    private final DocumentKind kind;
    private final Object lifecycle = new Object();
    private final BorderPane root = new BorderPane();
    private final Label status = new Label();
    private final HBox toolbar = new HBox(10);
    // The page controls of a paged document, in a row of their own below the toolbar.
    private final HBox pageBar = new HBox();
    private final RenderQueue renderQueue = new RenderQueue();
    // The status text, or the progress line of a running save in its place.
    private final HBox statusSlot = new HBox(status);
    private final ViewerSaving saving;
    private final Button toolbarSave;
    private final WatermarkText watermark;
    private final ViewerPrinting printing;
    private final Button helpButton = new Button(Messages.text("viewer.help"));
    private PageRenderer renderer;
    private PagedView paged;
    private boolean closed;
    // Whether the user has entered a PDF password, so that the next password failure is shown as a wrong password.
    private boolean passwordTried;

    private ViewerWindow(Stage stage, OpenedDocument document, DocumentService documents, Executor executor) {
        this.stage = stage;
        this.document = document;
        this.executor = executor;
        this.kind = detectKind(document);
        this.watermark = WatermarkText.of(documents.auditIdentity(), Clock.systemDefaultZone());
        this.printing = new ViewerPrinting(stage, document.id(), kind, documents, executor, watermark, status::setText);
        this.saving = new ViewerSaving(stage, document, documents, executor, status, statusSlot);
        this.toolbarSave = saving.button("saveCopyButton");
    }

    /** Detects the document kind; a ranged document is shown only as a PDF, because only PDFs open ranged. */
    private static DocumentKind detectKind(OpenedDocument document) {
        String mediaType = document.summary().mediaType();
        if (!document.isRanged()) {
            return DocumentKind.detect(mediaType, document.content());
        }
        byte[] head = document.head(DocumentKind.PDF_HEADER_SEARCH_LENGTH);
        try {
            return DocumentKind.detect(mediaType, head) == DocumentKind.PDF ? DocumentKind.PDF : DocumentKind.OTHER;
        } finally {
            java.util.Arrays.fill(head, (byte) 0);
        }
    }

    /** Opens a new window for {@code document}; call on the application thread. */
    public static ViewerWindow open(OpenedDocument document, DocumentService documents, Executor executor) {
        return showIn(new Stage(), document, documents, executor);
    }

    /** Builds the viewer into {@code stage} and shows it; tests pass the stage TestFX gives them. */
    public static ViewerWindow showIn(Stage stage, OpenedDocument document, DocumentService documents, Executor executor) {
        ViewerWindow window = new ViewerWindow(stage, document, documents, executor);
        window.build();
        stage.show();
        window.loadContent();
        return window;
    }

    public Stage stage() {
        return stage;
    }

    /** What the window detected the document to be. */
    public DocumentKind kind() {
        return kind;
    }

    /** Returns the Print command, for tests and for the setting that turns printing off. */
    public ViewerPrinting printing() {
        return printing;
    }

    /** Closes the window; the plaintext is wiped once a page render in progress has finished. */
    public void close() {
        stage.close();
    }

    private void build() {
        status.setId("viewerStatus");
        status.setMinWidth(0);
        statusSlot.setAlignment(Pos.CENTER_LEFT);
        statusSlot.setMinWidth(0);
        helpButton.setId("shortcutsButton");
        helpButton.setAccessibleText(Messages.text("viewer.help.accessible"));
        helpButton.setTooltip(new Tooltip(Messages.text("viewer.help.accessible")));
        helpButton.setOnAction(event -> ShortcutsHelp.show(stage));
        toolbar.getChildren().setAll(statusSlot, grow(), printing.button(), toolbarSave, helpButton);
        toolbar.getStyleClass().add("viewer-toolbar");
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(6, 10, 6, 10));
        pageBar.getStyleClass().add("viewer-page-bar");
        pageBar.setAlignment(Pos.CENTER);
        pageBar.setPadding(new Insets(0, 10, 6, 10));
        pageBar.managedProperty().bind(pageBar.visibleProperty());
        pageBar.setVisible(false);

        root.setTop(new VBox(toolbar, pageBar));
        root.setCenter(new ProgressIndicator());
        Dimension2D size = WindowSizes.fitToScreen(900, 1000);
        Scene scene = new Scene(root, size.getWidth(), size.getHeight());
        UiTheme.apply(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::handleKey);
        scene.getAccelerators().put(WindowShortcuts.SWITCH_THEME, UiTheme::toggle);

        stage.setTitle(Messages.text("viewer.title", document.summary().name()));
        AppIcons.applyTo(stage);
        stage.setScene(scene);
        stage.setOnHidden(event -> dispose());
    }

    private void loadContent() {
        if (kind.isPaged()) {
            BackgroundTasks.run(executor, () -> openRenderer(null), this::showPages, this::showLoadFailure);
        } else if (kind == DocumentKind.TEXT) {
            BackgroundTasks.run(executor, () -> PlainText.decode(document.content(), PlainText.DEFAULT_MAX_BYTES),
                    this::showText, this::showCannotShow);
        } else {
            showCannotShow(null);
        }
    }

    /**
     * Parses the document unless the window closed meanwhile, and wipes {@code pdfPassword}; runs on a
     * background thread.
     */
    private PageRenderer openRenderer(char[] pdfPassword) {
        try {
            synchronized (lifecycle) {
                if (closed) {
                    return null;
                }
                renderer = document.isRanged()
                        ? PageRenderer.openPdf(document.rangedContent(), pdfPassword)
                        : PageRenderer.open(kind, document.content(), pdfPassword);
                return renderer;
            }
        } finally {
            if (pdfPassword != null) {
                Arrays.fill(pdfPassword, '\0');
            }
        }
    }

    private void showPages(PageRenderer opened) {
        if (opened == null) {
            return;
        }
        paged = new PagedView(opened, 1f, renderQueue, this::showFailure);
        pageBar.getChildren().setAll(paged.controls());
        pageBar.setVisible(true);
        printing.attach(opened);
        paged.coverPage(page -> Watermark.over(page, watermark));
        root.setCenter(paged.pages());
        paged.showPage(0);
    }

    /** Asks for the PDF's password and opens the PDF with the typed password; Cancel leaves the protected note. */
    private void askPdfPassword(boolean retry) {
        if (!stage.isShowing()) {
            return;
        }
        PdfPasswordDialog.ask(stage, retry, password -> {
            if (password == null) {
                showPasswordProtected();
                return;
            }
            passwordTried = true;
            root.setCenter(new ProgressIndicator());
            BackgroundTasks.run(executor, () -> openRenderer(password), this::showPages, this::showLoadFailure);
        });
    }

    private void showPasswordProtected() {
        Label message = new Label(Messages.text("viewer.pdfPassword.protected"));
        message.setId("passwordProtectedMessage");
        message.setWrapText(true);
        Button enter = new Button(Messages.text("viewer.pdfPassword.enter"));
        enter.setId("enterPdfPassword");
        enter.setOnAction(event -> {
            passwordTried = false;
            askPdfPassword(false);
        });
        root.setCenter(messageBox(message, enter, saving.button("cannotShowSaveButton")));
    }

    private void showText(PlainText text) {
        TextArea area = new TextArea(text.text());
        area.setId("documentText");
        area.setEditable(false);
        area.setWrapText(true);
        area.getStyleClass().add("document-text");
        area.setAccessibleText(Messages.text("viewer.text.accessible"));
        root.setCenter(Watermark.over(area, watermark));
        if (text.truncated()) {
            status.setText(Messages.text("viewer.text.truncated", PlainText.DEFAULT_MAX_BYTES / (1024 * 1024)));
        }
    }

    /** Shows why the document is not displayed, with a save button; {@code failure} is null for OTHER. */
    private void showCannotShow(Throwable failure) {
        Label message = new Label(failure == null ? Messages.text("viewer.cannotShow")
                : Messages.text("viewer.cannotShowBecause", ErrorReport.of(failure).text()));
        message.setId("cannotShowMessage");
        message.setWrapText(true);
        root.setCenter(messageBox(message, saving.button("cannotShowSaveButton")));
        // The message brings its own save button; a second one in the toolbar would only repeat it.
        toolbarSave.setVisible(false);
    }

    private void showLoadFailure(Throwable failure) {
        if (PageRenderer.PDF_PASSWORD.equals(ErrorReport.of(failure).code())) {
            askPdfPassword(passwordTried);
        } else if (isIntegrityFailure(failure)) {
            showAltered(failure);
        } else {
            showCannotShow(failure);
        }
    }

    private void showFailure(Throwable failure) {
        // A render that was running when the window closed fails on the closed renderer, so its error is not shown.
        if (!stage.isShowing()) {
            return;
        }
        if (isIntegrityFailure(failure)) {
            showAltered(failure);
        } else {
            ErrorDialog.show(stage, "page rendering", failure);
        }
    }

    /**
     * Replaces the pages with the altered-document error, without a save button, once a ranged read
     * failed verification. The document returns no more bytes after that, so no other page is shown.
     */
    private void showAltered(Throwable failure) {
        Label message = new Label(Messages.text("viewer.cannotShowBecause", ErrorReport.of(failure).text()));
        message.setId("cannotShowMessage");
        message.setWrapText(true);
        root.setCenter(messageBox(message));
        toolbar.getChildren().setAll(statusSlot);
        printing.setPrintAllowed(false);
        pageBar.setVisible(false);
        paged = null;
    }

    private static boolean isIntegrityFailure(Throwable failure) {
        return ErrorReport.INTEGRITY.equals(ErrorReport.of(failure).code());
    }

    /** Lays out a message and its buttons in the center of the window. */
    private static VBox messageBox(Node... children) {
        VBox box = new VBox(16, children);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(40));
        box.setMaxWidth(520);
        return box;
    }

    private static Region grow() {
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        return gap;
    }

    /**
     * Saves a decrypted copy to {@code target} as "Save a decrypted copy…" does after its file chooser,
     * with a progress line and a Cancel button in place of the status text; tests call it because the
     * chooser is native. A cancelled save leaves neither {@code target} nor a temporary file. Call on the
     * application thread, with no other save running.
     */
    public void saveCopyTo(Path target) {
        saving.saveTo(target);
    }

    private void handleKey(KeyEvent event) {
        if (event.isShortcutDown() && event.getCode() == KeyCode.P) {
            event.consume();
            printing.print();
        } else {
            ViewerShortcuts.handle(event, paged, this::close, () -> ShortcutsHelp.show(stage));
        }
    }

    /** Releases the renderer and wipes the plaintext, off the application thread when possible. */
    private void dispose() {
        renderQueue.close();
        Runnable release = () -> {
            synchronized (lifecycle) {
                closed = true;
                if (renderer != null) {
                    renderer.close();
                }
                document.close();
            }
        };
        try {
            executor.execute(release);
        } catch (RejectedExecutionException e) {
            release.run();
        }
    }
}
