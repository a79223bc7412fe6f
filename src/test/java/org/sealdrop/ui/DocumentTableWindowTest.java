package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealdrop.ui.DocumentTableSteps.names;
import static org.sealdrop.ui.WindowFixture.waitFor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.TransferListener;
import org.sealdrop.testsupport.Corpus;
import org.testfx.api.FxRobot;

/**
 * The document table on the real services: its columns, sorting by header clicks, search as you type
 * with the count, and opening by keyboard.
 */
class DocumentTableWindowTest extends MainWindowTest {

    private DocumentSummary latex;
    private DocumentSummary scan;
    private DocumentSummary minimal;

    /** Three documents, uploaded in this order, so the newest is minimal-document.pdf. */
    @BeforeEach
    void uploadDocuments() throws IOException {
        latex = services.documents().upload(Corpus.pdf("pdflatex-4-pages.pdf"), "MRN 0077", TransferListener.NONE);
        Path renamed = Files.copy(Corpus.image("smile.png"), root.resolve("Zoë scan.png"));
        scan = services.documents().upload(renamed, null, TransferListener.NONE);
        minimal = services.documents().upload(Corpus.pdf("minimal-document.pdf"), "MRN 0042 Müller", TransferListener.NONE);
    }

    @Test
    void columnsShowReadableValues(FxRobot robot) throws TimeoutException {
        TableView<DocumentSummary> table = show(robot);

        assertEquals(List.of("Name", "Patient reference", "Type", "Size", "Added by", "Added at", "Status"),
                table.getColumns().stream().map(TableColumn::getText).toList());
        assertEquals("PDF", column(table, "typeColumn").getCellData(minimal));
        assertEquals("PNG image", column(table, "typeColumn").getCellData(scan));
        assertEquals(579L, column(table, "sizeColumn").getCellData(scan));
        assertEquals(minimal.addedBy(), column(table, "addedByColumn").getCellData(minimal));
        assertEquals("MRN 0042 Müller", column(table, "patientColumn").getCellData(minimal));
    }

    @Test
    void newestFirstThenHeaderClicksSort(FxRobot robot) throws TimeoutException, IOException {
        TableView<DocumentSummary> table = show(robot);
        assertEquals(List.of("minimal-document.pdf", "Zoë scan.png", "pdflatex-4-pages.pdf"), names(table));

        steps(robot).clickVisible("#nameColumn");
        assertEquals(List.of("minimal-document.pdf", "pdflatex-4-pages.pdf", "Zoë scan.png"), names(table));
        steps(robot).clickVisible("#nameColumn");
        assertEquals(List.of("Zoë scan.png", "pdflatex-4-pages.pdf", "minimal-document.pdf"), names(table));

        // By bytes (579, 16978, 24607), where the texts "579 B", "17 kB", "25 kB" would sort otherwise.
        steps(robot).clickVisible("#sizeColumn");
        assertEquals(List.of("Zoë scan.png", "minimal-document.pdf", "pdflatex-4-pages.pdf"), names(table));

        steps(robot).clickVisible("#addedColumn");
        assertEquals(List.of("pdflatex-4-pages.pdf", "Zoë scan.png", "minimal-document.pdf"), names(table));
        steps(robot).clickVisible("#addedColumn");
        assertEquals(List.of("minimal-document.pdf", "Zoë scan.png", "pdflatex-4-pages.pdf"), names(table));
    }

    @Test
    void sortSurvivesRefresh(FxRobot robot) throws TimeoutException {
        TableView<DocumentSummary> table = show(robot);
        steps(robot).clickVisible("#sizeColumn");

        services.documents().upload(Corpus.image("smile.tiff"), null, TransferListener.NONE);
        robot.interact(() -> window.documentsView().refresh());

        waitFor(() -> table.getItems().size() == 4);
        assertEquals(List.of("Zoë scan.png", "minimal-document.pdf", "pdflatex-4-pages.pdf", "smile.tiff"), names(table));
    }

    @Test
    void searchNarrowsAndEscapeClears(FxRobot robot) throws TimeoutException {
        TableView<DocumentSummary> table = show(robot);
        Label count = robot.lookup("#documentCount").queryAs(Label.class);
        assertEquals("3 documents", count.getText());

        steps(robot).clickVisible("#documentSearch");
        robot.write("muller");
        assertEquals(List.of("minimal-document.pdf"), names(table));
        assertEquals("1 of 3 documents", count.getText());

        robot.type(KeyCode.ESCAPE);
        assertEquals("", robot.lookup("#documentSearch").queryAs(TextField.class).getText());
        assertEquals(3, table.getItems().size());
        assertEquals("3 documents", count.getText());

        robot.write("PDF mrn");
        assertEquals(List.of("minimal-document.pdf", "pdflatex-4-pages.pdf"), names(table));
        assertEquals("2 of 3 documents", count.getText());

        robot.type(KeyCode.ESCAPE).write("zoe");
        assertEquals(List.of("Zoë scan.png"), names(table));
    }

    @Test
    void noMatchShowsQueryInPlaceholder(FxRobot robot) throws TimeoutException {
        TableView<DocumentSummary> table = show(robot);

        steps(robot).clickVisible("#documentSearch");
        robot.write("referral 9");

        assertTrue(table.getItems().isEmpty());
        assertEquals("No document matches 'referral 9'.",
                robot.lookup("#documentTablePlaceholder").queryAs(Label.class).getText());
        assertEquals("0 of 3 documents", robot.lookup("#documentCount").queryAs(Label.class).getText());
    }

    @Test
    void shortcutFocusesSearch(FxRobot robot) throws TimeoutException {
        TableView<DocumentSummary> table = show(robot);
        steps(robot).select(table, "Zoë scan.png");
        TextField search = robot.lookup("#documentSearch").queryAs(TextField.class);
        assertTrue(!search.isFocused(), "the table has the focus first");

        robot.push(KeyCode.CONTROL, KeyCode.F);

        waitFor(search::isFocused);
    }

    @Test
    void enterOpensSelectedDocument(FxRobot robot) throws TimeoutException {
        TableView<DocumentSummary> table = show(robot);
        steps(robot).select(table, "pdflatex-4-pages.pdf");

        robot.type(KeyCode.ENTER);

        waitFor(() -> window.viewers().size() == 1);
        assertEquals(Messages.text("viewer.title", latex.name()), window.viewers().get(0).stage().getTitle());
    }

    @Test
    void shiftF10MenuOpensDocument(FxRobot robot) throws TimeoutException {
        TableView<DocumentSummary> table = show(robot);
        steps(robot).select(table, "minimal-document.pdf");

        robot.push(KeyCode.SHIFT, KeyCode.F10);
        waitFor(() -> table.getContextMenu().isShowing());
        assertEquals(List.of("Open", "Verify", "Delete\u2026"), table.getContextMenu().getItems().subList(0, 3).stream()
                .map(item -> item.getText().replace("_", "")).toList());
        steps(robot).clickVisible("Open");

        waitFor(() -> window.viewers().size() == 1);
        assertEquals(Messages.text("viewer.title", minimal.name()), window.viewers().get(0).stage().getTitle());
    }

    @Test
    void sortByMenuSortsAndReverses(FxRobot robot) throws TimeoutException {
        TableView<DocumentSummary> table = show(robot);
        Menu sortBy = (Menu) table.getContextMenu().getItems().stream()
                .filter(item -> "sortByMenu".equals(item.getId())).findFirst().orElseThrow();
        MenuItem bySize = sortBy.getItems().stream()
                .filter(item -> "sortBy-sizeColumn".equals(item.getId())).findFirst().orElseThrow();

        robot.interact(bySize::fire);
        assertEquals(List.of("Zoë scan.png", "minimal-document.pdf", "pdflatex-4-pages.pdf"), names(table));

        robot.interact(bySize::fire);
        assertEquals(List.of("pdflatex-4-pages.pdf", "minimal-document.pdf", "Zoë scan.png"), names(table));
    }

    @Test
    void verifyFromMenuRecordsEvent(FxRobot robot) throws TimeoutException {
        TableView<DocumentSummary> table = show(robot);
        steps(robot).select(table, "pdflatex-4-pages.pdf");

        robot.push(KeyCode.SHIFT, KeyCode.F10);
        waitFor(() -> table.getContextMenu().isShowing());
        steps(robot).clickVisible("Verify");

        steps(robot).dialogWithHeader(Messages.text("documents.verify.passed", latex.name()));
        assertTrue(services.flushAudit(Duration.ofSeconds(10)), "audit events delivered");
        assertEquals(1, steps(robot).receivedEvents(latex.id(), "verify", "success"));
    }

    private TableView<DocumentSummary> show(FxRobot robot) throws TimeoutException {
        window = fixture.showUnlocked(robot);
        return steps(robot).tableWith(3);
    }

    private DocumentTableSteps steps(FxRobot robot) {
        return new DocumentTableSteps(robot, fixture);
    }

    private static TableColumn<DocumentSummary, ?> column(TableView<DocumentSummary> table, String id) {
        return table.getColumns().stream().filter(column -> id.equals(column.getId())).findFirst().orElseThrow();
    }
}
