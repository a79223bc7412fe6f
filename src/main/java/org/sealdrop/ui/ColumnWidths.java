package org.sealdrop.ui;

import java.util.HashMap;
import java.util.Map;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Font;

/**
 * Lets a table's columns grow with the font, so a larger system text size does not cut header texts
 * or dates. Column widths in code are given for the {@value #DESIGN_FONT_SIZE} px font that Modena
 * uses by default; this scales each preferred width by the header font's size over that, and keeps
 * each column at least as wide as its header text.
 */
public final class ColumnWidths {

    /** Font size in pixels that the preferred widths in code were chosen for. */
    static final double DESIGN_FONT_SIZE = 13;

    /** Room for the sort arrow next to a header text, in multiples of the header font size. */
    private static final double SORT_ARROW_EMS = 1.5;

    private ColumnWidths() {
    }

    /** Scales {@code table}'s columns with its header font from now on, also for columns added later. */
    public static void followFont(TableView<?> table) {
        Map<TableColumnBase<?, ?>, Double> designWidths = new HashMap<>();
        Runnable attach = () -> Platform.runLater(() -> attach(table, designWidths));
        table.skinProperty().addListener((observable, old, skin) -> attach.run());
        table.getColumns().addListener((ListChangeListener<Object>) change -> attach.run());
    }

    private static void attach(TableView<?> table, Map<TableColumnBase<?, ?>, Double> designWidths) {
        for (Node node : table.lookupAll(".column-header")) {
            if (!(node instanceof TableColumnHeader)) {
                continue;
            }
            TableColumnHeader header = (TableColumnHeader) node;
            TableColumnBase<?, ?> column = header.getTableColumn();
            Node found = header.lookup(".label");
            if (column == null || !(found instanceof Label) || designWidths.containsKey(column)) {
                continue;
            }
            Label label = (Label) found;
            designWidths.put(column, column.getPrefWidth());
            double[] fittedSize = {0};
            // A restyle can pass the label through other fonts before the final one, so fit after the
            // pulse, and only when the size differs from the one fitted last.
            Runnable fit = () -> Platform.runLater(() -> {
                if (label.getFont().getSize() != fittedSize[0]) {
                    fittedSize[0] = label.getFont().getSize();
                    fit(column, header, label, designWidths.get(column));
                    // A constrained resize policy spreads the width again only on a resize, so request one of zero.
                    spreadWidth(table);
                }
            });
            label.fontProperty().addListener((observable, old, font) -> fit.run());
            label.textProperty().addListener((observable, old, text) -> {
                fittedSize[0] = 0;
                fit.run();
            });
            fit.run();
        }
    }

    private static <S> void spreadWidth(TableView<S> table) {
        if (!table.getColumns().isEmpty()) {
            table.resizeColumn(table.getColumns().get(0), 0);
        }
    }

    private static void fit(TableColumnBase<?, ?> column, TableColumnHeader header, Label label, double designWidth) {
        Font font = label.getFont();
        double scale = Math.max(1, font.getSize() / DESIGN_FONT_SIZE);
        double textWidth = label.prefWidth(-1) + header.snappedLeftInset() + header.snappedRightInset()
                + SORT_ARROW_EMS * font.getSize();
        column.setMinWidth(Math.ceil(textWidth));
        // At the design size the preferred width stays as set, because a new one makes a constrained
        // resize policy leave a gap after the last column until the next resize.
        if (scale > 1) {
            column.setPrefWidth(Math.max(Math.ceil(designWidth * scale), column.getMinWidth()));
        }
    }
}
