package org.sealdrop.ui;

import static org.sealdrop.ui.WindowFixture.waitFor;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.testsupport.TestEnvironment;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;

/** Steps the document table's window tests share: finding rows, selecting them and checking the bucket and receiver. */
final class DocumentTableSteps {

    private final FxRobot robot;
    private final WindowFixture fixture;

    DocumentTableSteps(FxRobot robot, WindowFixture fixture) {
        this.robot = robot;
        this.fixture = fixture;
    }

    /** Returns the table once it lists {@code count} rows. */
    TableView<DocumentSummary> tableWith(int count) throws TimeoutException {
        // After an unlock the documents view, and with it the table, appears only when the key
        // derivation has finished, which takes seconds on a busy computer.
        waitFor(() -> robot.lookup("#documentTable").tryQuery().isPresent());
        TableView<DocumentSummary> table = robot.lookup("#documentTable").queryTableView();
        waitFor(() -> table.getItems().size() == count, () -> table.getItems().size() + " rows");
        return table;
    }

    /** Selects the row of {@code name} and gives the table the keyboard focus. */
    void select(TableView<DocumentSummary> table, String name) {
        robot.interact(() -> {
            fixture.stage().toFront();
            table.requestFocus();
            int index = names(table).indexOf(name);
            if (index < 0) {
                throw new AssertionError("The table does not list " + name);
            }
            table.getSelectionModel().clearAndSelect(index);
            table.getFocusModel().focus(index);
        });
    }

    /**
     * Clicks the node that {@code query} finds once it is visible, such as a column header, which can
     * still be missing for a moment after the rows show.
     */
    void clickVisible(String query) throws TimeoutException {
        waitFor(() -> robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
        robot.clickOn(query);
    }

    static List<String> names(TableView<DocumentSummary> table) {
        return table.getItems().stream().map(DocumentSummary::name).toList();
    }

    /** Returns the dialog pane whose header is {@code header}, once it shows. */
    DialogPane dialogWithHeader(String header) throws TimeoutException {
        waitFor(() -> robot.lookup(".dialog-pane").match(node -> header.equals(((DialogPane) node).getHeaderText()))
                .tryQuery().filter(node -> node.getScene().getWindow().isShowing()).isPresent());
        return robot.lookup(".dialog-pane").match(node -> header.equals(((DialogPane) node).getHeaderText())).query();
    }

    boolean objectExists(UUID id) {
        try (ObjectStore bucket = fixture.environment().bucket()) {
            return bucket.head(TestEnvironment.PREFIX + "objects/" + id).isPresent();
        }
    }

    long receivedEvents(UUID documentId, String action, String outcome) {
        return fixture.environment().receivedEvents().stream()
                .filter(event -> event.get("action").asText().equals(action))
                .filter(event -> event.get("outcome").asText().equals(outcome))
                .filter(event -> documentId.toString().equals(event.path("documentId").asText()))
                .count();
    }

    /**
     * Finds the table row that shows {@code name} on screen. VirtualFlow also keeps spare rows and a
     * hidden row it fills briefly to measure sizes, so the row must sit at the item's index and be
     * visible with all its parents. The lookup runs on the application thread, which changes rows.
     */
    static Node visibleRow(FxRobot robot, TableView<DocumentSummary> table, String name) throws TimeoutException {
        int index = indexOf(table, name);
        Predicate<TableRow<DocumentSummary>> shown = row -> row.getIndex() == index && row.getItem() != null
                && row.getItem().name().equals(name) && NodeQueryUtils.isVisible().test(row);
        Node[] found = new Node[1];
        waitFor(() -> {
            robot.interact(() -> found[0] = robot.lookup(".table-row-cell").match(shown).tryQuery().orElse(null));
            return found[0] != null;
        });
        return found[0];
    }

    /** Returns the position of {@code name} in the table, or fails the test when it is not listed. */
    static int indexOf(TableView<DocumentSummary> table, String name) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("The table does not list " + name);
    }
}
