package org.sealdrop.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import org.sealdrop.instance.HandOffReceiver;

/**
 * Files that later starts of SealDrop handed to this window, and the start's own file arguments,
 * kept until the documents view can queue them.
 *
 * <p>The hand-off listener adds files on its own thread. The window registers a callback that runs
 * on the application thread after each hand-off, also one without files, because every hand-off requests
 * that the window come to the front. Files stay here while the vault is locked, so they are queued
 * right after the unlock.
 */
public final class HandedFiles implements HandOffReceiver {

    private final List<Path> waiting = new ArrayList<>();
    private Runnable onHandOff;
    private boolean closed;

    /**
     * Adds {@code files} and runs the window's callback on the application thread.
     *
     * @throws IllegalStateException when the window has closed, so the second start learns that its
     *     files were not taken
     */
    @Override
    public void receive(List<Path> files) {
        Runnable callback;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("The window has closed and takes no more files.");
            }
            waiting.addAll(files);
            callback = onHandOff;
        }
        if (callback != null) {
            Platform.runLater(callback);
        }
    }

    /** Adds the file arguments of this window's own start; no callback runs. */
    public synchronized void add(List<Path> files) {
        waiting.addAll(files);
    }

    /** Removes and returns every waiting file. */
    synchronized List<Path> take() {
        List<Path> taken = List.copyOf(waiting);
        waiting.clear();
        return taken;
    }

    /** Returns how many files wait. */
    public synchronized int waitingCount() {
        return waiting.size();
    }

    /** Sets the callback that runs on the application thread after each hand-off. */
    synchronized void onHandOff(Runnable callback) {
        this.onHandOff = callback;
    }

    /** Rejects every later hand-off, and removes and returns the files that still wait. */
    synchronized List<Path> close() {
        closed = true;
        onHandOff = null;
        return take();
    }
}
