package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealdrop.ui.WindowFixture.waitFor;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.TransferListener;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.storage.ObjectInfo;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.SettingsCopies;
import org.sealdrop.testsupport.TestEnvironment;
import org.sealdrop.ui.documents.TransferItem;
import org.sealdrop.ui.documents.TransferState;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * Each known failure shows its own message from {@link ErrorCatalog} where the window reports it: the
 * unlock form, a transfer row, or the error dialog.
 */
class KnownFailuresWindowTest extends MainWindowTest {

    @Test
    void wrongPassphraseShowsBesideField(FxRobot robot) throws TimeoutException {
        fixture.showLocked(robot);

        robot.clickOn("#unlockPassphrase").write("not the passphrase").type(KeyCode.ENTER);

        Label problem = robot.lookup("#unlockProblem").queryAs(Label.class);
        waitFor(() -> !problem.getText().isEmpty());
        assertEquals(knownText("SD-WRONG-PASSPHRASE"), problem.getText());
        assertTrue(robot.lookup("#errorDialog").tryQuery().isEmpty(), "a known failure opens no error dialog");
    }

    @Test
    void networkDownShowsInTransferRow(FxRobot robot) throws IOException, TimeoutException {
        window = fixture.showUnlocked(robot);
        services.reconfigure(SettingsCopies.of(services.settings().orElseThrow()).endpoint(refusedUrl()).build());

        TransferItem row = dropOneFile(robot);

        assertEquals(knownText("SD-S3-UNREACHABLE"), row.problemProperty().get());
    }

    @Test
    void accessDeniedShowsInTransferRow(FxRobot robot) throws IOException, TimeoutException {
        services.vault().lock();
        AwsCredentials right = fixture.environment().s3().credentials().resolveCredentials();
        AtomicReference<AwsCredentials> current = new AtomicReference<>(right);
        // A second computer whose S3 key is revoked after it joined the vault.
        try (LocalServices second = LocalServices.open(new HomeFolder(root.resolve("second-home")),
                fixture.environment().options().withCredentials(current::get, null))) {
            second.vault().setUp(fixture.environment().vaultSetup(), TestEnvironment.PASSPHRASE.toCharArray(), false);
            window = fixture.showUnlocked(robot,
                    () -> MainWindow.show(stage, second.vault(), second.documents(), fixture.executor()));
            current.set(AwsBasicCredentials.create(right.accessKeyId(), "revoked-secret"));

            TransferItem row = dropOneFile(robot);

            assertEquals(knownText("SD-S3-ACCESS-DENIED"), row.problemProperty().get());
            fixture.executor().shutdownNow();
        }
    }

    @Test
    void alteredDocumentShowsItsDialog(FxRobot robot) throws IOException, TimeoutException {
        Path file = Files.copy(Corpus.pdf("pdflatex-4-pages.pdf"), root.resolve("referral.pdf"));
        DocumentSummary uploaded = services.documents().upload(file, null, TransferListener.NONE);
        flipLastByte(uploaded.id());
        window = fixture.showUnlocked(robot);

        robot.doubleClickOn(visibleRow(robot, "referral.pdf"));

        waitFor(() -> robot.lookup("#errorDialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#errorDialog").queryAs(DialogPane.class);
        assertEquals(ErrorCatalog.presentation("SD-INTEGRITY", null).title(), dialog.getHeaderText());
        assertEquals(ErrorCatalog.presentation("SD-INTEGRITY", null).message(),
                robot.lookup("#errorMessage").queryAs(Label.class).getText());
        assertEquals(Messages.text("error.code", "SD-INTEGRITY"), robot.lookup("#errorCode").queryAs(Label.class).getText());
        assertTrue(window.viewers().isEmpty(), "an altered document is never shown");
    }

    private TransferItem dropOneFile(FxRobot robot) throws IOException, TimeoutException {
        Path file = Files.copy(Corpus.image("image.jpg"), root.resolve("photo-" + UUID.randomUUID() + ".jpg"));
        robot.interact(() -> window.documentsView().addDroppedFiles(List.of(file.toFile())));
        waitFor(() -> fixture.transfers().size() == 1 && fixture.transfers().get(0).state().isFinal());
        TransferItem row = fixture.transfers().get(0);
        assertEquals(TransferState.FAILED, row.state(), row.problemProperty().get());
        return row;
    }

    private void flipLastByte(UUID id) throws IOException {
        String key = TestEnvironment.PREFIX + "objects/" + id;
        try (ObjectStore bucket = fixture.environment().bucket()) {
            ObjectInfo info = bucket.head(key).orElseThrow();
            byte[] object;
            try (InputStream in = bucket.get(key)) {
                object = in.readAllBytes();
            }
            object[object.length - 1] ^= 0x01;
            bucket.putSmall(key, object, Map.copyOf(info.metadata()));
        }
    }

    private static Node visibleRow(FxRobot robot, String name) throws TimeoutException {
        Predicate<Node> shown = node -> node instanceof TableRow<?> row && row.getItem() instanceof DocumentSummary item
                && item.name().equals(name) && NodeQueryUtils.isVisible().test(row);
        Node[] found = new Node[1];
        waitFor(() -> {
            robot.interact(() -> found[0] = robot.lookup(".table-row-cell").match(shown).tryQuery().orElse(null));
            return found[0] != null;
        });
        return found[0];
    }

    private static String knownText(String code) {
        return ErrorCatalog.presentation(code, null).text();
    }

    private static URI refusedUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
