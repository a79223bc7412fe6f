package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.sealdrop.ui.WindowFixture.waitFor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.TransferListener;
import org.sealdrop.app.VaultState;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.TestEnvironment;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Uses the window on the real services by keyboard alone. The test types the passphrase, tabs to
 * Unlock, tabs through the documents view in reading order to the table, opens the selected document
 * with Enter, closes the viewer with Escape and tabs to Lock. No step clicks or moves the focus itself.
 */
class KeyboardOnlyTest extends MainWindowTest {

    /** More Tab presses than any screen has stops; reaching it means the target is unreachable. */
    private static final int MAX_TABS = 40;

    @Test
    void unlockOpenCloseAndLockByTab(FxRobot robot) throws IOException, TimeoutException {
        Path pdf = Files.copy(Corpus.pdf("pdflatex-4-pages.pdf"), root.resolve("Referral letter.pdf"));
        services.documents().upload(pdf, null, TransferListener.NONE);
        window = fixture.showLocked(robot);
        Scene scene = stage.getScene();

        waitFor(() -> isFocused(scene, "unlockPassphrase"));
        robot.write(TestEnvironment.PASSPHRASE);
        tabTo(robot, scene, node -> "unlockButton".equals(node.getId()));
        robot.type(KeyCode.SPACE);
        waitFor(() -> window.documentsView() != null);
        TableView<DocumentSummary> table = AccessibilityChecks.documentTable(robot);
        waitFor(() -> table.getItems().size() == 1);

        List<Node> stops = tabCycle(robot, scene);
        assertReadingOrder(stops);
        assertTrue(stops.contains(table), "Tab reaches the document table: " + ids(stops));
        assertTrue(stops.stream().anyMatch(node -> "lockButton".equals(node.getId())), "Tab reaches Lock: " + ids(stops));

        tabTo(robot, scene, node -> node == table);
        robot.type(KeyCode.ENTER);
        waitFor(() -> window.viewers().size() == 1);
        Scene viewer = window.viewers().get(0).stage().getScene();
        waitFor(() -> viewer.lookup("#pageImage") != null && ((ImageView) viewer.lookup("#pageImage")).getImage() != null);
        waitFor(() -> viewer.getWindow().isFocused());
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> window.viewers().isEmpty());

        waitFor(() -> stage.isFocused());
        tabTo(robot, scene, node -> "lockButton".equals(node.getId()));
        robot.type(KeyCode.SPACE);
        waitFor(() -> robot.lookup("#unlockPassphrase").tryQuery().isPresent());
        assertEquals(VaultState.LOCKED, services.vault().state());
    }

    @Test
    void mainButtonsHaveMnemonics(FxRobot robot) throws TimeoutException {
        window = fixture.showUnlocked(robot);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> without = new ArrayList<>();
        robot.interact(() -> {
            for (Node node : stage.getScene().getRoot().lookupAll(".button")) {
                Button button = (Button) node;
                if (AccessibilityChecks.isShown(button) && !button.getText().isEmpty()
                        && !(button.isMnemonicParsing() && button.getText().matches("(?s).*_\\p{L}.*"))) {
                    without.add(AccessibilityChecks.describe(button));
                }
            }
        });
        assertEquals(List.of(), without, "buttons of the documents view without an Alt+letter mnemonic");
    }

    @Test
    void lockShortcutLocks(FxRobot robot) throws TimeoutException {
        window = fixture.showUnlocked(robot);
        waitFor(() -> stage.isFocused());
        robot.push(KeyCode.CONTROL, KeyCode.L);
        waitFor(() -> robot.lookup("#unlockPassphrase").tryQuery().isPresent());
        assertEquals(VaultState.LOCKED, services.vault().state());
    }

    /** Presses Tab until a node that {@code target} accepts has the focus, and fails after {@value #MAX_TABS}. */
    private static void tabTo(FxRobot robot, Scene scene, Predicate<Node> target) {
        List<Node> visited = new ArrayList<>();
        for (int i = 0; i < MAX_TABS; i++) {
            Node owner = scene.getFocusOwner();
            if (owner != null && target.test(owner)) {
                return;
            }
            visited.add(owner);
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
        }
        fail("Tab did not reach the target; the focus visited " + ids(visited));
    }

    /** Presses Tab until the focus returns to where it started and returns every stop, starting at the top one. */
    private static List<Node> tabCycle(FxRobot robot, Scene scene) {
        Node first = scene.getFocusOwner();
        assertNotNull(first, "something has the focus in the documents view");
        List<Node> stops = new ArrayList<>(List.of(first));
        for (int i = 0; i < MAX_TABS; i++) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            Node owner = scene.getFocusOwner();
            if (owner == first) {
                int top = 0;
                for (int s = 1; s < stops.size(); s++) {
                    if (AccessibilityChecks.readsAfter(stops.get(s), stops.get(top))) {
                        top = s;
                    }
                }
                List<Node> ordered = new ArrayList<>(stops.subList(top, stops.size()));
                ordered.addAll(stops.subList(0, top));
                return ordered;
            }
            stops.add(owner);
        }
        fail("The focus did not come back after " + MAX_TABS + " Tab presses: " + ids(stops));
        return stops;
    }

    private static void assertReadingOrder(List<Node> stops) {
        for (int i = 1; i < stops.size(); i++) {
            assertTrue(AccessibilityChecks.readsAfter(stops.get(i - 1), stops.get(i)),
                    "Tab goes from " + AccessibilityChecks.describe(stops.get(i - 1)) + " back to "
                            + AccessibilityChecks.describe(stops.get(i)) + "; order " + ids(stops));
        }
    }

    private static boolean isFocused(Scene scene, String id) {
        Node owner = scene.getFocusOwner();
        return owner != null && id.equals(owner.getId()) && owner.isFocused();
    }

    private static String ids(List<Node> nodes) {
        List<String> names = new ArrayList<>();
        for (Node node : nodes) {
            names.add(node == null ? "nothing" : node.getId() != null ? "#" + node.getId() : node.getClass().getSimpleName());
        }
        return String.join(" → ", names);
    }
}
