package org.sealdrop.ui.viewer;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.sealdrop.app.TransferListener;
import org.sealdrop.ui.Messages;
import org.sealdrop.ui.documents.TransferRate;

/**
 * The viewer's progress line while it saves a decrypted copy: a bar, the text "Saving a decrypted
 * copy: 12 MB of 300 MB, 3.2 MB/s, about 1 min left" and a Cancel button. The export reads the cancel
 * flag through {@link #listener()}; the line updates four times a second on the application thread.
 */
final class SaveProgress {

    private final TransferRate rate = new TransferRate(System::nanoTime);
    private final ProgressBar bar = new ProgressBar(0);
    private final Label text = new Label();
    private final Button cancel = new Button(Messages.text("viewer.saveCopy.cancel"));
    private final HBox root = new HBox(8, bar, text, cancel);
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.millis(250), event -> refresh()));
    // Read by the export's thread, so it is volatile.
    private volatile boolean cancelRequested;

    SaveProgress() {
        bar.setPrefWidth(120);
        text.setId("saveProgressText");
        text.setMinWidth(0);
        cancel.setId("cancelSaveButton");
        cancel.setAccessibleText(Messages.text("viewer.saveCopy.cancel.accessible"));
        cancel.setOnAction(event -> cancel());
        root.setId("saveProgress");
        root.setAlignment(Pos.CENTER_LEFT);
        ticker.setCycleCount(Animation.INDEFINITE);
        refresh();
        ticker.play();
    }

    Node root() {
        return root;
    }

    /** Returns the listener to pass to the export: it records progress and reads the cancel flag. */
    TransferListener listener() {
        return new TransferListener() {
            @Override
            public void progress(long bytesDone, long bytesTotal) {
                rate.record(bytesDone, bytesTotal);
            }

            @Override
            public boolean cancelRequested() {
                return cancelRequested;
            }
        };
    }

    /** Asks the export to stop; it then fails with {@code SD-CANCELLED} and leaves no file. */
    void cancel() {
        cancelRequested = true;
        cancel.setDisable(true);
        text.setText(Messages.text("transfer.cancelling"));
        ticker.stop();
    }

    /** Stops the updates, once the export has ended. */
    void stop() {
        ticker.stop();
    }

    private void refresh() {
        bar.setProgress(rate.fraction());
        String detail = rate.hasSamples() ? rate.describe() : Messages.text("transfer.waiting.OPENING");
        text.setText(Messages.text("viewer.saveCopy.progress", detail));
    }
}
