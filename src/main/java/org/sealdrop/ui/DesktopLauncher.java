package org.sealdrop.ui;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.sealdrop.SealDropException;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.sealdrop.app.DocumentService;
import org.sealdrop.app.LockReason;
import org.sealdrop.app.VaultAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the desktop window from a plain {@code main} method.
 *
 * <p>The toolkit is started with {@link Platform#startup} instead of {@code Application.launch}.
 * When the class that {@code java -jar} starts extends {@code Application}, the Java launcher
 * requires JavaFX as named modules and exits with "JavaFX runtime components are missing" if JavaFX
 * is on the class path. {@code Platform.startup} has no such check, and the services are passed as
 * plain arguments instead of through a static field that an {@code Application} instance would read.
 */
public final class DesktopLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopLauncher.class);

    /** Time given to background work, such as wiping viewer documents, after the window closed. */
    private static final long SHUTDOWN_WAIT_SECONDS = 10;

    private DesktopLauncher() {
    }

    /**
     * Shows the main window and blocks until it is closed. Closing it closes every viewer window, so
     * it is the last window. Then background work gets {@value #SHUTDOWN_WAIT_SECONDS}
     * seconds to finish, and the vault is locked: every vault key version is zeroed and a lock audit
     * event with the reason {@code quit} is recorded. Last, the JavaFX toolkit exits if this call
     * started it.
     *
     * <p>JavaFX cannot start twice in one process, so call this once per process.
     *
     * @throws IllegalStateException if called on the JavaFX application thread
     */
    public static void launch(VaultAccess vault, DocumentService documents) {
        launch(vault, documents, new HandedFiles());
    }

    /**
     * Like {@link #launch(VaultAccess, DocumentService)}, and the window queues the files in
     * {@code handedFiles} as a drop does, also those that a hand-off adds while it is open.
     *
     * @throws IllegalStateException if called on the JavaFX application thread
     */
    public static void launch(VaultAccess vault, DocumentService documents, HandedFiles handedFiles) {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("DesktopLauncher.launch blocks, so it cannot run on the JavaFX application thread.");
        }
        ExecutorService executor = Executors.newCachedThreadPool(workerThreads());
        CountDownLatch closed = new CountDownLatch(1);
        Runnable showWindow = () -> {
            Platform.setImplicitExit(false);
            Stage stage = new Stage();
            MainWindow.show(stage, vault, documents, executor, java.time.Clock.systemUTC(), handedFiles);
            stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> closed.countDown());
        };

        LOG.info("Starting the desktop window");
        boolean startedToolkit = false;
        try {
            startedToolkit = startToolkit(showWindow);
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            executor.shutdown();
            awaitBackgroundWork(executor);
            vault.lock(LockReason.QUIT);
            if (startedToolkit) {
                Platform.exit();
            }
            LOG.info("Desktop window closed; vault locked");
        }
    }

    /** Starts the toolkit and shows the window; returns whether this call started the toolkit. */
    private static boolean startToolkit(Runnable showWindow) {
        try {
            Platform.startup(showWindow);
            return true;
        } catch (IllegalStateException alreadyRunning) {
            // Another part of this process, such as a test, started the toolkit and will stop it.
            Platform.runLater(showWindow);
            return false;
        } catch (UnsupportedOperationException | UnsatisfiedLinkError noDisplay) {
            // JavaFX on Linux needs a display and GTK 3; without them it fails with these errors.
            throw new SealDropException("SD-NO-DISPLAY", "The window could not start (" + noDisplay.getMessage()
                    + "); run SealDrop on a desktop session with a display, and on Linux install GTK 3 (package libgtk-3-0).",
                    noDisplay);
        }
    }

    private static void awaitBackgroundWork(ExecutorService executor) {
        try {
            if (!executor.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Background work still running {} s after the window closed; interrupting it", SHUTDOWN_WAIT_SECONDS);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger counter = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, "sealdrop-worker-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
