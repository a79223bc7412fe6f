package org.sealdrop.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs at most {@code maxConcurrent} commands at a time on another executor and queues the rest in
 * submission order. Hundreds of dropped files then wait in the queue instead of all uploading at once.
 */
public final class BoundedExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(BoundedExecutor.class);

    private final Executor delegate;
    private final int maxConcurrent;
    private final Deque<Runnable> queue = new ArrayDeque<>();
    private int running;

    /** @throws IllegalArgumentException if {@code maxConcurrent} is less than 1 */
    public BoundedExecutor(Executor delegate, int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, got " + maxConcurrent);
        }
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.maxConcurrent = maxConcurrent;
    }

    /** @throws RejectedExecutionException if the delegate rejects a command that could start at once */
    @Override
    public void execute(Runnable command) {
        Objects.requireNonNull(command, "command");
        synchronized (this) {
            if (running >= maxConcurrent) {
                queue.addLast(command);
                return;
            }
            running++;
        }
        try {
            delegate.execute(() -> runThenStartNext(command));
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                running--;
            }
            throw e;
        }
    }

    /** Number of commands waiting for a free slot. */
    public synchronized int queuedCount() {
        return queue.size();
    }

    /** Runs the command, then keeps the slot and runs queued commands on this thread until none waits. */
    private void runThenStartNext(Runnable command) {
        Runnable current = command;
        while (current != null) {
            try {
                current.run();
            } catch (RuntimeException e) {
                // A JavaFX Task catches its own failures, so this is a programming error. The exception
                // message may name a file, so only its type is logged.
                LOG.error("A queued command failed with {}; starting the next one", e.getClass().getName());
            }
            current = nextOrRelease();
        }
    }

    /** Takes the next queued command for the slot just freed, or gives the slot back when none waits. */
    private Runnable nextOrRelease() {
        synchronized (this) {
            Runnable next = queue.pollFirst();
            if (next == null) {
                running--;
            }
            return next;
        }
    }

    @Override
    public synchronized String toString() {
        return "BoundedExecutor[maxConcurrent=" + maxConcurrent + ", running=" + running + ", queued=" + queue.size() + "]";
    }
}
