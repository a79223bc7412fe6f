package org.sealdrop.ui.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealdrop.ui.WindowFixture.waitFor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.OpenedDocument;
import org.sealdrop.app.RangedOpenThreshold;
import org.sealdrop.app.TransferListener;
import org.sealdrop.crypto.ObjectFormat;
import org.sealdrop.crypto.ObjectHeader;
import org.sealdrop.storage.ObjectInfo;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.testsupport.LargePdf;
import org.sealdrop.testsupport.TestEnvironment;
import org.sealdrop.ui.WindowFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The viewer window on PDFs opened ranged from S3Proxy: page 1 of a PDF above the default threshold,
 * and the altered error in place of a page whose chunk was changed in the bucket.
 */
@ExtendWith(ApplicationExtension.class)
class RangedViewerWindowTest {

    private Stage stage;

    @TempDir
    Path temp;

    private WindowFixture fixture;
    private TestEnvironment environment;
    private LocalServices services;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void startServers() throws IOException {
        fixture = WindowFixture.startOnDisk(temp.resolve("env"), temp.resolve("s3"), stage);
        environment = fixture.environment();
        services = fixture.services();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void bigPdfShowsPageOne(FxRobot robot) throws Exception {
        // Four images of 9 MB each put the PDF above the default threshold of 32 MiB.
        Path pdf = LargePdf.write(temp.resolve("chart.pdf"), 4, 3000);
        UUID id = services.documents().upload(pdf, null, TransferListener.NONE).id();
        OpenedDocument document = services.documents().open(id, TransferListener.NONE);
        assertTrue(document.isRanged());

        show(robot, document);
        waitForImage(robot);

        assertEquals("of 5", robot.lookup("#pageCount").queryAs(Label.class).getText());
        assertEquals("chart.pdf \u2013 SealDrop", stage.getTitle());
    }

    @Test
    void alteredChunkReplacesPagesWithError(FxRobot robot) throws Exception {
        RangedOpenThreshold.set(services, 1024 * 1024);
        Path pdf = LargePdf.write(temp.resolve("chart.pdf"), 1, 2048);
        UUID id = services.documents().upload(pdf, null, TransferListener.NONE).id();
        flipByteInMiddleChunk(id);
        OpenedDocument document = services.documents().open(id, TransferListener.NONE);

        show(robot, document);
        waitForImage(robot);
        robot.type(KeyCode.PAGE_DOWN);
        waitFor(() -> robot.lookup("#cannotShowMessage").tryQuery().isPresent());

        String message = robot.lookup("#cannotShowMessage").queryAs(Label.class).getText();
        assertTrue(message.contains("failed its integrity check"), message);
        assertFalse(robot.lookup("#pageImage").tryQuery().isPresent(), "no page remains on screen");
        assertFalse(robot.lookup("#cannotShowSaveButton").tryQuery().isPresent(), "an altered document offers no copy");
        assertEquals("damaged", services.documents().list().get(0).status());
    }

    private void show(FxRobot robot, OpenedDocument document) {
        robot.interact(() -> ViewerWindow.showIn(stage, document, services.documents(), fixture.executor()));
    }

    private static void waitForImage(FxRobot robot) throws TimeoutException {
        waitFor(() -> robot.lookup("#pageImage").tryQuery()
                .map(node -> ((ImageView) node).getImage() != null).orElse(false));
    }

    private void flipByteInMiddleChunk(UUID id) throws IOException {
        String key = TestEnvironment.PREFIX + "objects/" + id;
        try (ObjectStore bucket = environment.bucket()) {
            ObjectInfo info = bucket.head(key).orElseThrow();
            byte[] object;
            try (InputStream in = bucket.get(key)) {
                object = in.readAllBytes();
            }
            int headerLength = ObjectHeader.readLength(object);
            int middle = (object.length - headerLength) / ObjectFormat.CIPHERTEXT_CHUNK_SIZE / 2;
            object[(int) ObjectFormat.chunkOffset(headerLength, middle) + 100] ^= 0x01;
            bucket.putSmall(key, object, Map.copyOf(info.metadata()));
        }
    }
}
