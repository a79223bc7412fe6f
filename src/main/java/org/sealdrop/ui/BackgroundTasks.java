package org.sealdrop.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * Runs blocking service calls off the JavaFX application thread.
 *
 * <p>The callbacks run on the application thread. A failure reaches {@code onFailure} whether the
 * work threw, the executor rejected it or {@code onSuccess} threw, so a view never waits for a
 * result that cannot come.
 */
public final class BackgroundTasks {

    private BackgroundTasks() {
    }

    /**
     * Starts {@code work} as a {@link Task} on {@code executor}; call from the application thread.
     *
     * @return the started task, for cancelling or for binding progress
     */
    public static <T> Task<T> run(Executor executor, Callable<T> work, Consumer<T> onSuccess,
            Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        return start(executor, task, onSuccess, onFailure);
    }

    /** Starts a task built by the caller, such as one that reports progress. */
    public static <T> Task<T> start(Executor executor, Task<T> task, Consumer<T> onSuccess,
            Consumer<Throwable> onFailure) {
        // A callback that throws (a window that fails to build, say) reports like a failed task, so the
        // user sees an error instead of nothing happening.
        task.setOnSucceeded(event -> {
            try {
                onSuccess.accept(task.getValue());
            } catch (RuntimeException e) {
                onFailure.accept(e);
            }
        });
        task.setOnFailed(event -> onFailure.accept(task.getException()));
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            onFailure.accept(e);
        }
        return task;
    }
}
