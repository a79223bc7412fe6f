package org.sealdrop.ui.documents;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.sealdrop.ui.Messages;

/**
 * The transfer list with its header: a button that collapses and expands the list, the title, a
 * summary of the rows such as "2 uploading, 1 failed" that stays visible while the list is
 * collapsed, and "Clear finished".
 */
final class TransfersPanel {

    private final TransferQueue transfers;
    private final ToggleButton collapse = new ToggleButton();
    private final Label summary = new Label();
    private final ListView<TransferItem> list;
    private final VBox root;

    TransfersPanel(TransferQueue transfers) {
        this.transfers = transfers;

        list = new ListView<>(transfers.items());
        list.setId("transferList");
        list.setCellFactory(view -> new TransferCell(transfers::retry));
        list.setPrefHeight(150);
        list.setMinHeight(90);
        list.setAccessibleText(Messages.text("transfers.accessible"));
        list.setPlaceholder(new Label(Messages.text("transfers.empty")));
        // A collapsed list keeps no space, so the document table below gets it.
        list.visibleProperty().bind(collapse.selectedProperty().not());
        list.managedProperty().bind(list.visibleProperty());

        collapse.setId("collapseTransfersButton");
        collapse.getStyleClass().add("collapse-transfers");
        collapse.setAccessibleText(Messages.text("transfers.collapse.accessible"));
        collapse.selectedProperty().addListener((observed, was, collapsed) -> showCollapsed(collapsed));
        showCollapsed(false);

        Label title = new Label(Messages.text("transfers.title"));
        title.getStyleClass().add("section-title");
        summary.setId("transfersSummary");
        summary.getStyleClass().add("transfers-summary");
        // The list reports each state change as an update, so the summary follows every row.
        transfers.items().addListener((ListChangeListener<TransferItem>) change -> showSummary());
        showSummary();

        Button clear = new Button(Messages.text("transfers.clearFinished"));
        clear.setId("clearFinishedButton");
        clear.setOnAction(event -> transfers.clearFinished());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(8, collapse, title, summary, gap, clear);
        header.setAlignment(Pos.CENTER_LEFT);

        root = new VBox(6, header, list);
    }

    Node root() {
        return root;
    }

    private void showCollapsed(boolean collapsed) {
        collapse.setText(Messages.text(collapsed ? "transfers.expand" : "transfers.collapse"));
    }

    private void showSummary() {
        summary.setText(TransferSummary.of(transfers.items().stream().map(TransferItem::state).toList()));
    }
}
