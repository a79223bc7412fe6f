package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealdrop.ui.WindowFixture.waitFor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import org.junit.jupiter.api.Test;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.TransferListener;
import org.sealdrop.testsupport.Corpus;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window with the default font 1.5 times as large, as when the operating system's text
 * scale requests it: every button, table header and date or status cell still shows its whole
 * text, with no ellipsis.
 */
class LargeTextTest extends MainWindowTest {

    private static final double SCALE = 1.5;

    @Test
    void buttonsAndHeadersFitAtLargerFont(FxRobot robot) throws TimeoutException {
        services.documents().upload(Corpus.pdf("minimal-document.pdf"), "P-7", TransferListener.NONE);
        window = fixture.showUnlocked(robot);
        TableView<DocumentSummary> table = AccessibilityChecks.documentTable(robot);
        waitFor(() -> table.getItems().size() == 1);

        double size = Font.getDefault().getSize() * SCALE;
        robot.interact(() -> stage.getScene().getRoot().setStyle("-fx-font-size: " + size + "px;"));
        WaitForAsyncUtils.waitForFxEvents();

        List<String> truncated = new ArrayList<>();
        List<Node> checked = new ArrayList<>();
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            List<Node> candidates = new ArrayList<>(stage.getScene().getRoot().lookupAll(".button"));
            candidates.addAll(stage.getScene().getRoot().lookupAll(".column-header .label"));
            for (Node node : candidates) {
                if (node instanceof Labeled && AccessibilityChecks.isShown(node)) {
                    checked.add(node);
                    assertEquals(size, ((Labeled) node).getFont().getSize(), 0.01,
                            "the larger font reaches " + AccessibilityChecks.describe(node));
                }
            }
            for (Node node : checked) {
                truncated.addAll(AccessibilityChecks.truncatedTexts((Labeled) node));
            }
            for (Node cell : stage.getScene().getRoot().lookupAll(".table-cell")) {
                // The name cell cuts long names in the middle on purpose and shows them whole in a tooltip.
                if (((Labeled) cell).getTextOverrun() != OverrunStyle.CENTER_ELLIPSIS) {
                    truncated.addAll(AccessibilityChecks.truncatedTexts((Labeled) cell));
                }
            }
        });

        assertTrue(checked.size() >= 6, "buttons and column headers found: " + checked.size());
        assertEquals(List.of(), truncated, "texts cut at " + SCALE + " times the default font");
    }
}
