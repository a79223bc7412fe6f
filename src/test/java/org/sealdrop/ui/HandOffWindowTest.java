package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealdrop.ui.WindowFixture.waitFor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.LocalServices;
import org.sealdrop.instance.HandOffClient;
import org.sealdrop.instance.HandOffListener;
import org.sealdrop.instance.InstanceLock;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.TestEnvironment;
import org.sealdrop.ui.documents.TransferItem;
import org.sealdrop.ui.documents.TransferState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Files handed over by a second start reach the real window through the real lock, listener and
 * socket, on the services of {@link TestEnvironment} (S3Proxy and the audit receiver on 127.0.0.1).
 */
@ExtendWith(ApplicationExtension.class)
class HandOffWindowTest {

    @TempDir
    Path root;

    private final HandedFiles handedFiles = new HandedFiles();
    private WindowFixture fixture;
    private TestEnvironment environment;
    private LocalServices services;
    private InstanceLock lock;
    private HandOffListener listener;
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
        lock = InstanceLock.tryAcquire(environment.home()).orElseThrow();
        listener = HandOffListener.start(lock, environment.home(), handedFiles);
    }

    @AfterEach
    void stopServices() {
        listener.close();
        lock.close();
        fixture.close();
    }

    @Test
    void handedFilesAreUploaded(FxRobot robot) throws Exception {
        window = fixture.showUnlocked(robot, this::openWindow);
        List<Path> files = sampleFiles();

        HandOffClient.send(environment.home(), files, Duration.ofSeconds(WindowFixture.WAIT_SECONDS));

        waitFor(() -> transfers().size() == 2 && transfers().stream().allMatch(item -> item.state().isFinal()));
        for (TransferItem item : transfers()) {
            assertEquals(TransferState.UPLOADED, item.state(), item.displayName() + ": " + item.problemProperty().get());
        }
        TableView<DocumentSummary> table = robot.lookup("#documentTable").queryTableView();
        waitFor(() -> table.getItems().size() == 2);
        assertEquals(List.of("referral.pdf", "smile.png"),
                table.getItems().stream().map(DocumentSummary::name).sorted().toList());
    }

    @Test
    void lockedWindowKeepsFilesUntilUnlock(FxRobot robot) throws Exception {
        services.vault().lock();
        window = fixture.showLocked(robot, this::openWindow);

        HandOffClient.send(environment.home(), sampleFiles(), Duration.ofSeconds(WindowFixture.WAIT_SECONDS));

        Label notice = robot.lookup("#handedFilesNotice").queryAs(Label.class);
        waitFor(notice::isVisible);
        assertEquals(Messages.text("handOff.waiting", 2), notice.getText());
        assertEquals(2, handedFiles.waitingCount());

        robot.clickOn("#unlockPassphrase").write(TestEnvironment.PASSPHRASE).type(KeyCode.ENTER);
        waitFor(() -> window.documentsView() != null);
        waitFor(() -> transfers().size() == 2 && transfers().stream().allMatch(item -> item.state() == TransferState.UPLOADED));
        assertEquals(2, services.documents().list().size());
        assertTrue(!notice.isVisible(), "the notice hides once the files are queued");
        assertEquals(0, handedFiles.waitingCount());
    }

    @Test
    void startArgumentsAreQueuedOnOpen(FxRobot robot) throws Exception {
        handedFiles.add(sampleFiles());

        window = fixture.showUnlocked(robot, this::openWindow);
        waitFor(() -> transfers().size() == 2 && transfers().stream().allMatch(item -> item.state() == TransferState.UPLOADED));
        assertEquals(2, services.documents().list().size());
    }

    private List<Path> sampleFiles() throws IOException {
        Path folder = Files.createDirectories(root.resolve("handed"));
        Path pdf = Files.copy(Corpus.pdf("pdflatex-4-pages.pdf"), folder.resolve("referral.pdf"));
        Path png = Files.copy(Corpus.image("smile.png"), folder.resolve("smile.png"));
        return List.of(pdf, png);
    }

    private MainWindow openWindow() {
        return MainWindow.show(stage, services.vault(), services.documents(), fixture.executor(), Clock.systemUTC(),
                handedFiles);
    }

    private List<TransferItem> transfers() {
        return fixture.transfers();
    }
}
