package org.sealdrop.ui.documents;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.ui.ColumnWidths;
import org.sealdrop.ui.Messages;

/**
 * The document list: name, size, time added (local time) and status. Double-click or Enter on a row
 * opens the document.
 */
final class DocumentTable {

    private static final DateTimeFormatter ADDED_FORMAT =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(Locale.getDefault());

    private DocumentTable() {
    }

    static TableView<DocumentSummary> create(ObservableList<DocumentSummary> rows, Consumer<DocumentSummary> onOpen) {
        TableView<DocumentSummary> table = new TableView<>(rows);
        table.setId("documentTable");
        table.setAccessibleText(Messages.text("documents.table.accessible"));
        table.setPlaceholder(new Label(Messages.text("documents.table.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<DocumentSummary, String> name = column("documents.column.name", DocumentSummary::name);
        name.setPrefWidth(340);
        name.setCellFactory(column -> nameCell());
        TableColumn<DocumentSummary, String> patient = column("documents.column.patient", DocumentSummary::patientReference);
        patient.setPrefWidth(150);
        TableColumn<DocumentSummary, Long> size = column("documents.column.size", DocumentSummary::size);
        size.setCellFactory(column -> formattedCell(ByteSizes::format, "size-cell"));
        size.setPrefWidth(90);
        TableColumn<DocumentSummary, Instant> added = column("documents.column.added", DocumentSummary::addedAt);
        added.setCellFactory(column -> formattedCell(DocumentTable::formatAdded, null));
        added.setPrefWidth(170);
        TableColumn<DocumentSummary, String> status = column("documents.column.status", DocumentSummary::status);
        status.setCellFactory(column -> formattedCell(DocumentTable::formatStatus, null));
        status.setPrefWidth(110);
        table.getColumns().setAll(java.util.List.of(name, patient, size, added, status));
        ColumnWidths.followFont(table);

        table.setRowFactory(view -> {
            TableRow<DocumentSummary> row = new TableRow<>();
            // A screen reader announces the row by this text: the name and the status, not only the first cell.
            row.accessibleTextProperty().bind(row.itemProperty().map(DocumentTable::describeRow));
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    onOpen.accept(row.getItem());
                }
            });
            return row;
        });
        selectOnFocus(table);
        table.setOnKeyPressed(event -> {
            DocumentSummary selected = table.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && selected != null) {
                event.consume();
                onOpen.accept(selected);
            }
        });
        return table;
    }

    /**
     * Selects the focused row, or the first, when the table gets the keyboard focus with nothing
     * selected, so that Enter opens a document right after a Tab into the table.
     */
    private static void selectOnFocus(TableView<DocumentSummary> table) {
        table.focusedProperty().addListener((observable, was, is) -> {
            if (is && table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                int focused = table.getFocusModel().getFocusedIndex();
                table.getSelectionModel().select(focused < 0 ? 0 : focused);
            }
        });
    }

    /** Returns what a screen reader says for a row: name, status and when it was added. */
    static String describeRow(DocumentSummary summary) {
        return Messages.text("documents.row.accessible", summary.name(), formatStatus(summary.status()),
                formatAdded(summary.addedAt()));
    }

    static String formatAdded(Instant addedAt) {
        return ADDED_FORMAT.format(addedAt.atZone(ZoneId.systemDefault()));
    }

    /** Shows a known status in words from the bundle, and an unknown one as stored. */
    static String formatStatus(String status) {
        String key = "documents.status." + status;
        return Messages.has(key) ? Messages.text(key) : status;
    }

    private static <T> TableColumn<DocumentSummary, T> column(String key, Function<DocumentSummary, T> value) {
        TableColumn<DocumentSummary, T> column = new TableColumn<>(Messages.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    /** Creates a name cell that cuts a long name in the middle with an ellipsis and shows it whole in a tooltip. */
    private static TableCell<DocumentSummary, String> nameCell() {
        Tooltip fullName = new Tooltip();
        TableCell<DocumentSummary, String> cell = new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                fullName.setText(item);
                setTooltip(empty || item == null || item.isEmpty() ? null : fullName);
            }
        };
        cell.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        return cell;
    }

    private static <T> TableCell<DocumentSummary, T> formattedCell(Function<T, String> format, String styleClass) {
        TableCell<DocumentSummary, T> cell = new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        };
        if (styleClass != null) {
            cell.getStyleClass().add(styleClass);
        }
        return cell;
    }
}
