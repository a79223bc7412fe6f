package org.sealdrop.ui.documents;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.sealdrop.ui.Messages;

/**
 * Row of the transfer list: file or document name, progress bar, state text such as "Uploading 12 MB
 * of 1.1 GB, 3.2 MB/s, about 5 min left", a Cancel button while the check, upload or open is
 * queued or running, and a Retry button once an upload failed or was cancelled.
 */
final class TransferCell extends ListCell<TransferItem> {

    private final Label name = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label state = new Label();
    private final Tooltip stateTip = new Tooltip();
    private final Tooltip nameTip = new Tooltip();
    private final Button cancel = new Button(Messages.text("transfer.cancel"));
    private final Button retry = new Button(Messages.text("transfer.retry"));
    private final HBox row = new HBox(10, name, progress, state, cancel, retry);
    private final Consumer<TransferItem> onRetry;

    /** @param onRetry receives the row's item when the user presses Retry */
    TransferCell(Consumer<TransferItem> onRetry) {
        this.onRetry = onRetry;
        // Fixed name and bar widths line the bars up; the state text takes the rest of the row.
        name.getStyleClass().add("transfer-name");
        name.setPrefWidth(300);
        name.setMinWidth(120);
        // A long name is cut with an ellipsis; the tooltip shows it whole.
        name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        name.setTooltip(nameTip);
        progress.setPrefWidth(140);
        progress.setMinWidth(140);
        state.getStyleClass().add("transfer-state");
        state.setMinWidth(0);
        state.setPrefWidth(100);
        state.setMaxWidth(Double.MAX_VALUE);
        state.setTooltip(stateTip);
        HBox.setHgrow(state, Priority.ALWAYS);
        cancel.getStyleClass().add("transfer-cancel");
        cancel.setAccessibleText(Messages.text("transfer.cancel.accessible"));
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        // An invisible button keeps no space, so finished rows give the state text the whole width.
        cancel.managedProperty().bind(cancel.visibleProperty());
        retry.getStyleClass().add("transfer-retry");
        retry.setAccessibleText(Messages.text("transfer.retry.accessible"));
        retry.setMinWidth(Region.USE_PREF_SIZE);
        retry.managedProperty().bind(retry.visibleProperty());
        row.setAlignment(Pos.CENTER_LEFT);
        // A zero preferred width lets the cell follow the list's width instead of its text's.
        setPrefWidth(0);
        setText(null);
    }

    @Override
    protected void updateItem(TransferItem item, boolean empty) {
        super.updateItem(item, empty);
        progress.progressProperty().unbind();
        state.textProperty().unbind();
        stateTip.textProperty().unbind();
        accessibleTextProperty().unbind();
        cancel.visibleProperty().unbind();
        state.getStyleClass().remove("problem");
        if (empty || item == null) {
            retry.setVisible(false);
            setGraphic(null);
            setAccessibleText(null);
            return;
        }

        name.setText(item.displayName());
        nameTip.setText(item.displayName());
        progress.progressProperty().bind(item.progressProperty());
        StringBinding stateText = stateText(item);
        state.textProperty().bind(stateText);
        stateTip.textProperty().bind(stateText);
        if (item.state() == TransferState.FAILED || item.state() == TransferState.SKIPPED) {
            state.getStyleClass().add("problem");
        }
        // A bar is shown only while it means something: running, queued or uploaded.
        progress.setVisible(item.state().isRunning() || item.state() == TransferState.QUEUED
                || item.state() == TransferState.UPLOADED);
        boolean cancellable = !item.state().isFinal();
        cancel.visibleProperty().bind(item.cancellingProperty().not().and(Bindings.createBooleanBinding(() -> cancellable)));
        cancel.setOnAction(event -> item.cancel());
        // The list reports every state change as an update, so the cell is filled again when the row fails.
        retry.setVisible(item.canRetry());
        retry.setOnAction(event -> onRetry.accept(item));
        setGraphic(row);
        accessibleTextProperty().bind(Bindings.concat(item.displayName(), ": ", stateText));
    }

    /** State text of a row; it follows the item's state, progress and problem. */
    static StringBinding stateText(TransferItem item) {
        return Bindings.createStringBinding(() -> describe(item), item.stateProperty(), item.detailProperty(),
                item.cancellingProperty(), item.problemProperty());
    }

    static String describe(TransferItem item) {
        switch (item.state()) {
            case UPLOADING:
                if (item.cancellingProperty().get()) {
                    return Messages.text("transfer.cancelling");
                }
                return Messages.text("transfer.state.UPLOADING", item.detailProperty().get());
            case CHECKING:
            case OPENING:
                if (item.cancellingProperty().get()) {
                    return Messages.text("transfer.cancelling");
                }
                // Until the first bytes are read, the row shows what it waits for instead of a size.
                String detail = item.detailProperty().get();
                return Messages.text("transfer.state." + item.state().name(),
                        detail.isEmpty() ? Messages.text("transfer.waiting." + item.state().name()) : detail);
            case FAILED:
            case SKIPPED:
                return Messages.text("transfer.state." + item.state().name(), item.problemProperty().get());
            default:
                return Messages.text("transfer.state." + item.state().name());
        }
    }
}
