package org.sealdrop.ui.documents;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One row of the transfer list: a file, its upload state, progress and failure text. The file name
 * is PHI, so it is shown and never logged. Properties change on the JavaFX application thread only.
 */
public final class TransferItem {

    private final Path file;
    private final ObjectProperty<TransferState> state = new SimpleObjectProperty<>(this, "state");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final StringProperty detail = new SimpleStringProperty(this, "detail", "");
    private final BooleanProperty cancelling = new SimpleBooleanProperty(this, "cancelling", false);
    private final TransferRate rate = new TransferRate(System::nanoTime);
    // Read by the upload's threads, so it is a volatile copy of the cancelling property.
    private volatile boolean cancelRequested;
    private Runnable cancel = () -> { };

    TransferItem(Path file, TransferState initialState) {
        this.file = file;
        this.state.set(initialState);
    }

    public Path file() {
        return file;
    }

    /** File name without its folder, as the row shows it. */
    public String displayName() {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    public ObjectProperty<TransferState> stateProperty() {
        return state;
    }

    public TransferState state() {
        return state.get();
    }

    /** Fraction of the file encrypted and uploaded, from 0 to 1. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** Failure or skip reason shown next to the state; empty otherwise. */
    public StringProperty problemProperty() {
        return problem;
    }

    /** Bytes done of the total, rate and time left, such as "12 MB of 1.1 GB, 3.2 MB/s, about 5 min left". */
    public StringProperty detailProperty() {
        return detail;
    }

    /** Flag that is true from the user's cancel of the running upload until the upload has stopped. */
    public BooleanProperty cancellingProperty() {
        return cancelling;
    }

    /**
     * Cancels the upload. A queued one never starts. A running one reads the request through
     * {@link #isCancelRequested()}, and its state turns {@link TransferState#CANCELLED} once it has stopped.
     */
    public void cancel() {
        if (state.get() == TransferState.QUEUED) {
            cancelQueued();
        } else if (state.get() == TransferState.UPLOADING) {
            cancelRequested = true;
            cancelling.set(true);
        }
    }

    /** Tells the upload's threads whether the user cancelled it; safe from any thread. */
    boolean isCancelRequested() {
        return cancelRequested;
    }

    /** Progress samples of the running upload; recorded from the upload's threads. */
    TransferRate rate() {
        return rate;
    }

    /** Copies the latest progress into the properties; called a few times a second on the application thread. */
    void refreshProgress() {
        progress.set(rate.fraction());
        detail.set(rate.describe());
    }

    void setCancel(Runnable cancel) {
        this.cancel = cancel;
    }

    /** Cancels the upload if it has not started; a running upload goes on. */
    void cancelIfQueued() {
        if (state.get() == TransferState.QUEUED) {
            cancelQueued();
        }
    }

    private void cancelQueued() {
        // The upload may have started on its thread already, with its state change still on the way to
        // this thread. The flag then stops it, because cancelling the task does not interrupt it.
        cancelRequested = true;
        cancel.run();
    }
}
