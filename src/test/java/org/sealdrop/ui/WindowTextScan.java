package org.sealdrop.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.sealdrop.testsupport.CanaryScanner;
import org.sealdrop.testsupport.CanaryScanner.Hit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Scans what every open window shows for a canary: the text of labeled controls and text fields,
 * accessible texts, dialog headers and expandable content (an error dialog's details for IT), and
 * window titles. Nodes whose id is in the allowed list are skipped with everything below them.
 */
final class WindowTextScan {

    private final CanaryScanner scanner;
    private final List<String> allowedNodeIds;

    WindowTextScan(CanaryScanner scanner, List<String> allowedNodeIds) {
        this.scanner = scanner;
        this.allowedNodeIds = allowedNodeIds;
    }

    /**
     * Returns the hits in all open windows, on the application thread.
     *
     * @param moment names the step in each hit's place
     * @param titleAllowed windows whose title may show the user's file name, such as viewers
     */
    List<Hit> scan(String moment, Predicate<Window> titleAllowed) {
        List<Hit> found = new ArrayList<>();
        WaitForAsyncUtils.waitForAsyncFx(WindowFixture.WAIT_SECONDS * 1000, () -> {
            for (Window shown : List.copyOf(Window.getWindows())) {
                if (shown.getScene() == null) {
                    continue;
                }
                if (shown instanceof Stage stage && !titleAllowed.test(shown) && stage.getTitle() != null) {
                    found.addAll(scanner.scanText(moment + ": window title", stage.getTitle()));
                }
                scanNode(moment, shown.getScene().getRoot(), found);
            }
        });
        return found;
    }

    private void scanNode(String moment, Node node, List<Hit> found) {
        if (node == null || (node.getId() != null && allowedNodeIds.contains(node.getId()))) {
            return;
        }
        String where = moment + ": " + node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId());
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            found.addAll(scanner.scanText(where, labeled.getText()));
        }
        if (node instanceof TextInputControl input && input.getText() != null) {
            found.addAll(scanner.scanText(where, input.getText()));
        }
        if (node.getAccessibleText() != null) {
            found.addAll(scanner.scanText(where + " accessible text", node.getAccessibleText()));
        }
        if (node instanceof DialogPane pane) {
            Optional.ofNullable(pane.getHeaderText())
                    .ifPresent(text -> found.addAll(scanner.scanText(where + " header", text)));
            scanNode(moment, pane.getExpandableContent(), found);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                scanNode(moment, child, found);
            }
        }
    }
}
