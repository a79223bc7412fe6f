package org.sealdrop.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.sealdrop.app.LocalServices;
import org.sealdrop.testsupport.TestEnvironment;
import org.sealdrop.ui.documents.TransferItem;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The set-up of a window test: a {@link TestEnvironment} (S3Proxy and the audit receiver on
 * 127.0.0.1), an executor for the window's background work, and the {@link MainWindow} shown on the
 * test's Monocle stage. A test creates it in {@code @BeforeEach} with the stage from {@code @Start}
 * and closes it in {@code @AfterEach}.
 */
public final class WindowFixture implements AutoCloseable {

    /**
     * How long {@link #waitFor} polls before it fails. It is generous because a 300-file drop or a
     * resumed upload takes tens of seconds on a busy build machine.
     */
    public static final long WAIT_SECONDS = 120;

    private final TestEnvironment environment;
    private final Stage stage;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private volatile MainWindow window;

    private WindowFixture(TestEnvironment environment, Stage stage) {
        this.environment = environment;
        this.stage = stage;
    }

    /** Starts the servers of a {@link TestEnvironment} below {@code folder}. The vault is set up on first use. */
    public static WindowFixture start(Path folder, Stage stage) throws IOException {
        return new WindowFixture(TestEnvironment.start(folder), stage);
    }

    /** Starts a {@link TestEnvironment} whose S3 store keeps its objects in {@code s3Data}. */
    public static WindowFixture startOnDisk(Path folder, Path s3Data, Stage stage) throws IOException {
        return new WindowFixture(TestEnvironment.startOnDisk(folder, s3Data), stage);
    }

    public TestEnvironment environment() {
        return environment;
    }

    /** Returns the services of the environment's home folder, with the vault created and unlocked at first call. */
    public LocalServices services() {
        return environment.services();
    }

    public Stage stage() {
        return stage;
    }

    public ExecutorService executor() {
        return executor;
    }

    /** Returns the window that the last {@code show…} call opened, or null before the first. */
    public MainWindow window() {
        return window;
    }

    /** Returns the rows of the transfer list of the unlocked window. */
    public List<TransferItem> transfers() {
        return window.documentsView().transfers().items();
    }

    /** Shows the window on the environment's services and waits until the unlocked vault's documents view is up. */
    public MainWindow showUnlocked(FxRobot robot) throws TimeoutException {
        LocalServices services = services();
        return showUnlocked(robot, () -> MainWindow.show(stage, services.vault(), services.documents(), executor));
    }

    /** Shows the window that {@code opener} opens and waits until its documents view is up. */
    public MainWindow showUnlocked(FxRobot robot, Supplier<MainWindow> opener) throws TimeoutException {
        show(robot, opener);
        waitFor(() -> window.documentsView() != null);
        return window;
    }

    /** Locks the environment's vault, shows the window on it and waits for the unlock form. */
    public MainWindow showLocked(FxRobot robot) throws TimeoutException {
        LocalServices services = services();
        services.vault().lock();
        return showLocked(robot, () -> MainWindow.show(stage, services.vault(), services.documents(), executor));
    }

    /** Shows the window that {@code opener} opens on a locked vault and waits for the unlock form. */
    public MainWindow showLocked(FxRobot robot, Supplier<MainWindow> opener) throws TimeoutException {
        show(robot, opener);
        waitFor(() -> robot.lookup("#unlockPassphrase").tryQuery().isPresent());
        return window;
    }

    /** Shows the window that {@code opener} opens, on the application thread, without waiting for any view. */
    public MainWindow show(FxRobot robot, Supplier<MainWindow> opener) {
        robot.interact(() -> window = opener.get());
        return window;
    }

    /**
     * Polls {@code condition} until it holds.
     *
     * @throws TimeoutException if it does not hold within {@value #WAIT_SECONDS} seconds
     */
    public static void waitFor(Supplier<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition::get);
    }

    /**
     * Waits until a node matching {@code query} sits in a window that is showing, and returns it. A
     * lookup alone can find a node of a view that is being replaced, whose scene is already gone.
     */
    public static Node waitForShowing(FxRobot robot, String query) throws TimeoutException {
        waitFor(() -> robot.lookup(query).tryQuery().filter(WindowFixture::isShowing).isPresent());
        return robot.lookup(query).match(WindowFixture::isShowing).query();
    }

    private static boolean isShowing(Node node) {
        return node.getScene() != null && node.getScene().getWindow() != null && node.getScene().getWindow().isShowing()
                && node.isVisible();
    }

    /**
     * Polls {@code condition} like {@link #waitFor(Supplier)}, and on time-out puts what
     * {@code windowText} returns then, such as the text the window shows instead, in the message.
     */
    public static void waitFor(Supplier<Boolean> condition, Supplier<String> windowText) throws TimeoutException {
        try {
            waitFor(condition);
        } catch (TimeoutException e) {
            throw new TimeoutException("Condition not met after " + WAIT_SECONDS + " s, the window shows "
                    + windowText.get());
        }
    }

    /** Closes open viewers, stops the executor and then the environment's services and servers. */
    @Override
    public void close() {
        MainWindow shown = window;
        if (shown != null) {
            WaitForAsyncUtils.asyncFx(shown::closeViewers);
            WaitForAsyncUtils.waitForFxEvents();
        }
        executor.shutdownNow();
        environment.close();
    }
}
