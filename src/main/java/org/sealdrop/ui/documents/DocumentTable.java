package org.sealdrop.ui.documents;

import java.text.Collator;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumn.SortType;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.ui.ColumnWidths;
import org.sealdrop.ui.Messages;

/**
 * The document table: name, patient reference, type, size, added by, added at (local time) and status.
 * Every column sorts by a click on its header or through {@link #sortMenu}, newest first by default,
 * and the sort stays when the rows are replaced. Double-click or Enter on a row opens the document.
 */
final class DocumentTable {

    /** Id of the Added column, which sorts newest first by default. */
    static final String ADDED_COLUMN = "addedColumn";

    private static final Collator COLLATOR = Collator.getInstance();

    private static final DateTimeFormatter ADDED_FORMAT =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(Locale.getDefault());

    private DocumentTable() {
    }

    static TableView<DocumentSummary> create(DocumentListModel model, Consumer<DocumentSummary> onOpen) {
        TableView<DocumentSummary> table = new TableView<>(model.rows());
        // The rows are a filtered view of the sorted list, so the table sorts that list instead of its items.
        model.sorted().comparatorProperty().bind(table.comparatorProperty());
        table.setSortPolicy(view -> true);
        table.setId("documentTable");
        table.setAccessibleText(Messages.text("documents.table.accessible"));
        Label placeholder = new Label();
        placeholder.setId("documentTablePlaceholder");
        placeholder.textProperty().bind(model.placeholderTextProperty());
        table.setPlaceholder(placeholder);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(columns());
        sortNewestFirst(table);
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
     * Creates a "Sort by" menu with one item per column, for sorting by keyboard. Choosing the column
     * the table is sorted by already reverses the order.
     */
    static Menu sortMenu(TableView<DocumentSummary> table) {
        Menu menu = new Menu(Messages.text("documents.menu.sortBy"));
        menu.setId("sortByMenu");
        for (TableColumn<DocumentSummary, ?> column : table.getColumns()) {
            MenuItem item = new MenuItem(column.getText());
            item.setId("sortBy-" + column.getId());
            item.setOnAction(event -> sortBy(table, column));
            menu.getItems().add(item);
        }
        return menu;
    }

    /** Sorts by {@code column} alone: ascending, or reversed when the table is sorted by it alone already. */
    static void sortBy(TableView<DocumentSummary> table, TableColumn<DocumentSummary, ?> column) {
        boolean sole = table.getSortOrder().size() == 1 && table.getSortOrder().get(0) == column;
        if (sole) {
            column.setSortType(column.getSortType() == SortType.ASCENDING ? SortType.DESCENDING : SortType.ASCENDING);
        } else {
            column.setSortType(SortType.ASCENDING);
            table.getSortOrder().setAll(List.of(column));
        }
        table.sort();
    }

    private static void sortNewestFirst(TableView<DocumentSummary> table) {
        TableColumn<DocumentSummary, ?> added = table.getColumns().stream()
                .filter(column -> ADDED_COLUMN.equals(column.getId()))
                .findFirst()
                .orElseThrow();
        added.setSortType(SortType.DESCENDING);
        table.getSortOrder().setAll(List.of(added));
    }

    /** Widths fit the default window (1000 px): the status column takes what is left. */
    private static List<TableColumn<DocumentSummary, ?>> columns() {
        Comparator<String> text = Comparator.nullsFirst(DocumentTable::compareText);

        TableColumn<DocumentSummary, String> name = column("nameColumn", "documents.column.name", DocumentSummary::name, 250);
        name.setCellFactory(column -> nameCell());
        name.setComparator(text);
        TableColumn<DocumentSummary, String> patient = column("patientColumn", "documents.column.patient",
                DocumentSummary::patientReference, 130);
        patient.setComparator(text);
        TableColumn<DocumentSummary, String> type = column("typeColumn", "documents.column.type",
                document -> Messages.text(DocumentKinds.of(document.mediaType()).labelKey()), 95);
        type.setComparator(text);
        TableColumn<DocumentSummary, Long> size = column("sizeColumn", "documents.column.size", DocumentSummary::size, 75);
        size.setCellFactory(column -> formattedCell(ByteSizes::format, "size-cell"));
        TableColumn<DocumentSummary, String> addedBy = column("addedByColumn", "documents.column.addedBy",
                DocumentSummary::addedBy, 110);
        addedBy.setComparator(text);
        TableColumn<DocumentSummary, Instant> added = column(ADDED_COLUMN, "documents.column.addedAt",
                DocumentSummary::addedAt, 150);
        added.setCellFactory(column -> formattedCell(DocumentTable::formatAdded, null));
        TableColumn<DocumentSummary, String> status = column("statusColumn", "documents.column.status",
                DocumentSummary::status, 90);
        status.setCellFactory(column -> formattedCell(DocumentTable::formatStatus, null));
        return List.of(name, patient, type, size, addedBy, added, status);
    }

    /** Compares texts as people sort them in the default locale: case and accents count only on a tie. */
    private static int compareText(String first, String second) {
        return COLLATOR.compare(first, second);
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

    private static <T> TableColumn<DocumentSummary, T> column(String id, String key, Function<DocumentSummary, T> value,
            double width) {
        TableColumn<DocumentSummary, T> column = new TableColumn<>(Messages.text(key));
        column.setId(id);
        column.setPrefWidth(width);
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
