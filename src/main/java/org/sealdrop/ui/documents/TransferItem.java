package org.sealdrop.ui.documents;

import java.nio.file.Path;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
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

    void setCancel(Runnable cancel) {
        this.cancel = cancel;
    }

    /** Cancels the upload if it has not started; a running upload goes on. */
    void cancelIfQueued() {
        if (state.get() == TransferState.QUEUED) {
            cancel.run();
        }
    }
}
