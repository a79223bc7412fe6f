package org.sealdrop.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.text.Text;
import org.sealdrop.app.DocumentSummary;
import org.testfx.api.FxRobot;

/**
 * Checks on a live scene graph that the accessibility tests share. Each returns a list of findings,
 * empty when the scene passes, so a failure message can name every offending node at once.
 * Call them on the JavaFX application thread.
 */
final class AccessibilityChecks {

    private AccessibilityChecks() {
    }

    /**
     * Lists the controls a screen reader reaches by Tab that have no accessible name: no
     * {@code accessibleText}, no text of their own, and no label whose {@code labelFor} points at them.
     * Also lists images without accessible text and non-empty table rows without one.
     */
    static List<String> unnamedNodes(Parent root) {
        List<Node> all = new ArrayList<>();
        collect(root, all);
        List<String> found = new ArrayList<>();
        for (Node node : all) {
            if (!isShown(node)) {
                continue;
            }
            boolean reachable = node.isFocusTraversable() && !node.isDisabled();
            boolean image = node instanceof ImageView && ((ImageView) node).getImage() != null
                    && !insideNamedLabeled(node);
            boolean row = node instanceof TableRow && !((TableRow<?>) node).isEmpty();
            if ((reachable || image || row) && !hasName(node, all)) {
                found.add(describe(node));
            }
        }
        return found;
    }

    /**
     * Lists the dialogs under {@code root} that lack a default button (Enter) or a way to close with
     * Escape: a cancel button, or a single button, which JavaFX closes on Escape too ({@code DialogKeysTest}).
     */
    static List<String> dialogKeyProblems(Parent root) {
        List<Node> all = new ArrayList<>();
        collect(root, all);
        List<String> found = new ArrayList<>();
        for (Node node : all) {
            if (!(node instanceof DialogPane)) {
                continue;
            }
            boolean hasDefault = false;
            boolean hasCancel = ((DialogPane) node).getButtonTypes().size() == 1;
            for (Node button : node.lookupAll(".button")) {
                if (button instanceof Button && isShown(button)) {
                    hasDefault |= ((Button) button).isDefaultButton();
                    hasCancel |= ((Button) button).isCancelButton();
                }
            }
            if (!hasDefault) {
                found.add(describe(node) + " has no default button for Enter");
            }
            if (!hasCancel) {
                found.add(describe(node) + " has no cancel button for Escape");
            }
        }
        return found;
    }

    /** Lists the labels and buttons whose shown text is cut with an ellipsis, with both texts. */
    static List<String> truncatedTexts(Parent root) {
        List<Node> all = new ArrayList<>();
        collect(root, all);
        List<String> found = new ArrayList<>();
        for (Node node : all) {
            if (!(node instanceof Labeled) || !isShown(node)) {
                continue;
            }
            Labeled labeled = (Labeled) node;
            String full = plainText(labeled);
            Text shown = shownText(labeled);
            if (full.isEmpty() || shown == null) {
                continue;
            }
            if (!shown.getText().equals(full)) {
                found.add(describe(node) + " shows \"" + shown.getText() + "\" for \"" + full + "\"");
            }
        }
        return found;
    }

    /** Waits until the documents view's table shows and returns it. */
    @SuppressWarnings("unchecked")
    static TableView<DocumentSummary> documentTable(FxRobot robot) throws TimeoutException {
        return (TableView<DocumentSummary>) WindowFixture.waitForShowing(robot, "#documentTable");
    }

    /** Returns the text a labeled control should show: its text without the mnemonic underscore. */
    static String plainText(Labeled labeled) {
        String text = labeled.getText() == null ? "" : labeled.getText();
        return labeled.isMnemonicParsing() ? text.replaceFirst("_(?=.)", "") : text;
    }

    /** Returns a node's position and name for a failure message. */
    static String describe(Node node) {
        String id = node.getId() == null ? "" : "#" + node.getId();
        String text = node instanceof Labeled ? " \"" + ((Labeled) node).getText() + "\"" : "";
        Bounds bounds = node.localToScene(node.getBoundsInLocal());
        return node.getClass().getSimpleName() + id + text + " at " + Math.round(bounds.getMinX()) + ","
                + Math.round(bounds.getMinY()) + " in " + parentChain(node);
    }

    /**
     * Returns whether {@code next} comes after {@code previous} in reading order: further down, or on
     * the same line (vertical ranges overlap) and further right.
     */
    static boolean readsAfter(Node previous, Node next) {
        Bounds a = previous.localToScene(previous.getBoundsInLocal());
        Bounds b = next.localToScene(next.getBoundsInLocal());
        boolean sameLine = b.getMinY() < a.getMaxY() && a.getMinY() < b.getMaxY();
        if (sameLine) {
            return b.getMinX() >= a.getMinX();
        }
        return b.getMinY() >= a.getMinY();
    }

    static boolean isShown(Node node) {
        for (Node each = node; each != null; each = each.getParent()) {
            if (!each.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static boolean hasName(Node node, List<Node> all) {
        if (node.getAccessibleText() != null && !node.getAccessibleText().isBlank()) {
            return true;
        }
        if (node instanceof Labeled && !plainText((Labeled) node).isBlank()) {
            return true;
        }
        for (Node other : all) {
            if (other instanceof Label && ((Label) other).getLabelFor() == node
                    && !plainText((Label) other).isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** Tells whether an image is the graphic of a button or label whose own text names it. */
    private static boolean insideNamedLabeled(Node node) {
        for (Node each = node.getParent(); each != null; each = each.getParent()) {
            if (each instanceof Labeled && !plainText((Labeled) each).isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static Text shownText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text && child.getStyleClass().contains("text")) {
                return (Text) child;
            }
        }
        return null;
    }

    private static void collect(Node node, List<Node> into) {
        into.add(node);
        if (node instanceof Parent) {
            for (Node child : ((Parent) node).getChildrenUnmodifiable()) {
                collect(child, into);
            }
        }
    }

    private static String parentChain(Node node) {
        StringBuilder chain = new StringBuilder();
        for (Node each = node.getParent(); each != null && chain.length() < 200; each = each.getParent()) {
            chain.append(each.getId() != null ? "#" + each.getId() : each.getClass().getSimpleName()).append(" < ");
        }
        return chain.toString();
    }
}
