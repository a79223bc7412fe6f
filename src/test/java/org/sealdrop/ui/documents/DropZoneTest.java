package org.sealdrop.ui.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sealdrop.ui.Messages;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Drops that carry no file. TestFX cannot start an operating-system drag under headless Monocle, so the
 * test passes the clipboard that a drop's dragboard would be to the drop zone's handler.
 */
@ExtendWith(ApplicationExtension.class)
class DropZoneTest {

    /** The format a mail program offers for an attachment that has no file on disk yet. */
    private static final DataFormat MAIL_ATTACHMENT = DataFormat.lookupMimeType("FileGroupDescriptorW") != null
            ? DataFormat.lookupMimeType("FileGroupDescriptorW") : new DataFormat("FileGroupDescriptorW");

    private final List<List<File>> received = new ArrayList<>();
    private DropZone zone;

    @Start
    void start(Stage stage) {
        zone = new DropZone(files -> {
            received.add(files);
            if (files.isEmpty()) {
                zone.showMessage(Messages.text("dropZone.noFiles"));
                return false;
            }
            return true;
        });
        stage.setScene(new Scene(zone.root(), 400, 200));
        stage.show();
    }

    @AfterEach
    void clearClipboard(FxRobot robot) {
        robot.interact(() -> Clipboard.getSystemClipboard().clear());
    }

    @Test
    void textDropShowsMessage(FxRobot robot) {
        assertNoFileDrop(robot, Map.of(DataFormat.PLAIN_TEXT, "Referral for Mrs Example"));
    }

    @Test
    void linkDropShowsMessage(FxRobot robot) {
        assertNoFileDrop(robot, Map.of(DataFormat.URL, "http://127.0.0.1/referral.pdf",
                DataFormat.PLAIN_TEXT, "http://127.0.0.1/referral.pdf"));
    }

    @Test
    void webLinksOnlyShowMessage(FxRobot robot) {
        // What a browser on Linux offers for a dragged link: a text/uri-list without file: URIs.
        assertNoFileDrop(robot, Map.of(DataFormat.URL, "https://127.0.0.1/referral.pdf\r\nhttp://127.0.0.1/lab.pdf\r\n"));
    }

    @Test
    void nonFileUriShowsMessage(FxRobot robot) {
        assertNoFileDrop(robot, Map.of(DataFormat.URL, "# from a mail program\r\nmailto:clinic@example.invalid\r\n"
                + "imap://127.0.0.1/INBOX;UID=7/;section=2\r\n"));
    }

    @Test
    void fileUriListIsTaken(FxRobot robot) {
        boolean[] taken = {false};
        robot.interact(() -> {
            Clipboard board = Clipboard.getSystemClipboard();
            ClipboardContent offered = new ClipboardContent();
            offered.put(DataFormat.URL, "file:///tmp/scan%20one.pdf\r\nhttps://127.0.0.1/x\r\nfile://localhost/tmp/two.png\r\n");
            board.setContent(offered);
            taken[0] = zone.drop(board);
        });

        assertTrue(taken[0], "the drop was taken");
        assertEquals(List.of(List.of(new File("/tmp/scan one.pdf"), new File("/tmp/two.png"))), received);
    }

    @Test
    void attachmentWithoutPathShowsMessage(FxRobot robot) {
        assertNoFileDrop(robot, Map.of(MAIL_ATTACHMENT, "lab results.pdf"));
    }

    @Test
    void emptyFileListShowsMessage(FxRobot robot) {
        assertNoFileDrop(robot, Map.of(DataFormat.FILES, List.of()));
    }

    private void assertNoFileDrop(FxRobot robot, Map<DataFormat, Object> content) {
        boolean[] taken = {true};
        robot.interact(() -> {
            Clipboard board = Clipboard.getSystemClipboard();
            ClipboardContent offered = new ClipboardContent();
            offered.putAll(content);
            board.setContent(offered);
            taken[0] = zone.drop(board);
        });

        assertFalse(taken[0], "the drop was not taken");
        assertEquals(List.of(List.of()), received, "the handler got an empty file list instead of an exception");
        assertEquals(Messages.text("dropZone.noFiles"), robot.lookup("#dropHint").queryAs(Label.class).getText());
        assertEquals("This drag carries no file. Save the attachment to a folder first, then drag the file.",
                robot.lookup("#dropHint").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#dropZone").tryQuery().isPresent());
    }
}
