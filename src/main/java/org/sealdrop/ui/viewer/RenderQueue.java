package org.sealdrop.ui.viewer;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The one render thread of a viewer window.
 *
 * <p>It holds at most one page request: a newer one replaces a request that has not started, so
 * paging quickly through 50 pages renders the page the user stops at, not all 50. Thumbnail
 * requests queue behind it and run only when no page request waits. Results and failures are handed
 * to the callbacks on the JavaFX application thread.
 */
final class RenderQueue implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread worker = new Thread(runnable, "viewer-render");
        worker.setDaemon(true);
        return worker;
    });
    private final Deque<Runnable> thumbnails = new ArrayDeque<>();
    private Runnable pendingPage;
    private boolean draining;
    private boolean closed;

    /** Requests a page render, replacing a page request that has not started yet. */
    synchronized <T> void submitPage(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        pendingPage = job(work, onSuccess, onFailure);
        scheduleDrain();
    }

    /** Queues a thumbnail render, which runs after every waiting page render. */
    synchronized <T> void submitThumbnail(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        thumbnails.addLast(job(work, onSuccess, onFailure));
        scheduleDrain();
    }

    /** Drops waiting requests and stops the thread; a render in progress finishes, and its result is dropped. */
    @Override
    public synchronized void close() {
        closed = true;
        pendingPage = null;
        thumbnails.clear();
        thread.shutdownNow();
    }

    private <T> Runnable job(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return () -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception | OutOfMemoryError e) {
                // An OutOfMemoryError here frees the half-built picture, so the window can report it.
                Platform.runLater(() -> onFailure.accept(e));
            }
        };
    }

    private void scheduleDrain() {
        if (!draining && !closed) {
            draining = true;
            thread.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = pendingPage != null ? pendingPage : thumbnails.pollFirst();
                if (next == pendingPage) {
                    pendingPage = null;
                }
                if (next == null || closed) {
                    draining = false;
                    return;
                }
            }
            next.run();
        }
    }
}
