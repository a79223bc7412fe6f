package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealdrop.ui.DocumentTableSteps.indexOf;
import static org.sealdrop.ui.WindowFixture.waitFor;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.app.DocumentService;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.OpenedDocument;
import org.sealdrop.app.TransferListener;
import org.sealdrop.app.VaultKeyArrays;
import org.sealdrop.app.VaultState;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.TestEnvironment;
import org.sealdrop.ui.documents.TransferItem;
import org.sealdrop.ui.documents.TransferState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Auto-lock of the main window on the real services (S3Proxy and the audit receiver on
 * 127.0.0.1). The idle clock is a {@link SettableClock}: the test moves it past the default ten
 * minutes from {@code settings.json}, and the window's own timeline locks at its next check.
 */
@ExtendWith(ApplicationExtension.class)
class AutoLockEndToEndTest {

    private static final String PDF_NAME = "referral-meyer-autolock.pdf";
    private static final String IMAGE_NAME = "wound-photo-autolock.png";

    @TempDir
    Path root;

    private final SettableClock clock = new SettableClock();
    private WindowFixture fixture;
    private TestEnvironment environment;
    private LocalServices services;
    private RecordingDocuments documents;
    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void startServices() throws IOException {
        fixture = WindowFixture.start(root.resolve("environment"), stage);
        environment = fixture.environment();
        services = fixture.services();
        documents = new RecordingDocuments(services.documents());
    }

    @AfterEach
    void stopServices() {
        fixture.close();
    }

    @Test
    void idleWindowLocksWipesAndHidesNames(FxRobot robot) throws IOException, TimeoutException {
        window = fixture.showUnlocked(robot, this::openWindow);
        waitFor(() -> window.autoLock().isRunning());
        Path pdf = Files.copy(Corpus.pdf("minimal-document.pdf"), root.resolve(PDF_NAME));
        Path image = Files.copy(Corpus.image("smile.png"), root.resolve(IMAGE_NAME));
        robot.interact(() -> window.documentsView().addDroppedFiles(List.of(pdf.toFile(), image.toFile())));
        waitFor(() -> transfers().size() == 2 && transfers().stream().allMatch(item -> item.state() == TransferState.UPLOADED));
        TableView<DocumentSummary> table = robot.lookup("#documentTable").queryTableView();
        waitFor(() -> table.getItems().size() == 2);

        robot.interact(() -> table.getSelectionModel().select(indexOf(table, PDF_NAME)));
        robot.clickOn(table).type(KeyCode.ENTER);
        waitFor(() -> window.viewers().size() == 1 && documents.opened.size() == 1);
        Stage viewerStage = window.viewers().get(0).stage();
        waitFor(() -> viewerStage.getScene().lookup("#pageImage") != null
                && ((ImageView) viewerStage.getScene().lookup("#pageImage")).getImage() != null);
        byte[] plaintext = documents.opened.get(0).content();
        List<byte[]> keyArrays = VaultKeyArrays.liveArrays(services);

        // The checks below must be able to see names and key bytes, or their passing proves nothing.
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(windowTexts(robot).stream().anyMatch(text -> text.contains(PDF_NAME)), "the name shows before the lock");
        assertFalse(VaultKeyArrays.allZero(keyArrays), "the vault keys are live before the lock");
        assertFalse(isAllZero(plaintext), "the viewer holds the plaintext before the lock");

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        waitFor(() -> robot.lookup("#unlockPassphrase").tryQuery().isPresent());
        assertEquals(VaultState.LOCKED, services.vault().state());
        assertTrue(VaultKeyArrays.allZero(keyArrays), "every vault key version is zeroed");
        assertFalse(viewerStage.isShowing(), "the viewer window closed");
        assertTrue(window.viewers().isEmpty());
        waitFor(() -> isAllZero(plaintext));
        assertNull(window.documentsView());
        assertTrue(table.getItems().isEmpty(), "the document table was cleared");
        WaitForAsyncUtils.waitForFxEvents();
        for (String text : windowTexts(robot)) {
            assertFalse(text.contains(PDF_NAME) || text.contains(IMAGE_NAME), "a name is still on screen: " + text);
        }
        assertFalse(window.autoLock().isRunning(), "the timer waits for the next unlock");

        assertTrue(services.flushAudit(Duration.ofSeconds(10)), "audit events delivered");
        List<JsonNode> locks = environment.receivedEvents().stream()
                .filter(event -> event.get("action").asText().equals("lock")).toList();
        assertEquals(1, locks.size());
        assertEquals("auto-lock", locks.get(0).get("reason").asText());
    }

    @Test
    void unlockAfterAutoLockRestartsTimer(FxRobot robot) throws TimeoutException {
        window = fixture.showUnlocked(robot, this::openWindow);
        waitFor(() -> window.autoLock().isRunning());
        clock.advance(Duration.ofMinutes(11));
        Node passphrase = WindowFixture.waitForShowing(robot, "#unlockPassphrase");

        robot.clickOn(passphrase).write(TestEnvironment.PASSPHRASE).type(KeyCode.ENTER);

        waitFor(() -> window.documentsView() != null && window.autoLock().isRunning());
        assertEquals(VaultState.UNLOCKED, services.vault().state());
        clock.advance(Duration.ofMinutes(11));
        waitFor(() -> robot.lookup("#unlockPassphrase").tryQuery().isPresent());
        assertEquals(VaultState.LOCKED, services.vault().state());
    }

    private MainWindow openWindow() {
        return MainWindow.show(stage, services.vault(), documents, fixture.executor(), clock);
    }

    private List<TransferItem> transfers() {
        return fixture.transfers();
    }

    /** Window titles and every text node and text field of every window, read on the application thread. */
    private static List<String> windowTexts(FxRobot robot) {
        List<String> texts = new ArrayList<>();
        robot.interact(() -> {
            for (Window shown : Window.getWindows()) {
                if (shown instanceof Stage titled && titled.getTitle() != null) {
                    texts.add(titled.getTitle());
                }
                if (shown.getScene() != null) {
                    collectTexts(shown.getScene().getRoot(), texts);
                }
            }
        });
        return texts;
    }

    private static void collectTexts(Node node, List<String> texts) {
        if (node instanceof Text text && text.getText() != null) {
            texts.add(text.getText());
        }
        if (node instanceof TextInputControl input && input.getText() != null) {
            texts.add(input.getText());
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectTexts(child, texts);
            }
        }
    }

    private static boolean isAllZero(byte[] content) {
        for (byte b : content) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** The real document service, keeping each opened document so the test can check its wipe. */
    private static final class RecordingDocuments implements DocumentService {
        private final DocumentService delegate;
        final List<OpenedDocument> opened = new CopyOnWriteArrayList<>();

        RecordingDocuments(DocumentService delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<DocumentSummary> list() {
            return delegate.list();
        }

        @Override
        public DocumentSummary upload(Path file, String patientReference, TransferListener listener) {
            return delegate.upload(file, patientReference, listener);
        }

        @Override
        public OpenedDocument open(UUID id, TransferListener listener) {
            OpenedDocument document = delegate.open(id, listener);
            opened.add(document);
            return document;
        }

        @Override
        public void export(UUID id, Path target, TransferListener listener) {
            delegate.export(id, target, listener);
        }

        @Override
        public DocumentSummary verify(UUID id) {
            return delegate.verify(id);
        }

        @Override
        public long pendingAuditEvents() {
            return delegate.pendingAuditEvents();
        }

        @Override
        public org.sealdrop.app.SyncReport sync() {
            return delegate.sync();
        }

        @Override
        public org.sealdrop.app.SyncReport rebuildIndex() {
            return delegate.rebuildIndex();
        }
    }
}
