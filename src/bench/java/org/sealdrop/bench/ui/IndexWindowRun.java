package org.sealdrop.bench.ui;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.ServiceOptions;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.testsupport.TestEnvironment;
import org.sealdrop.ui.MainWindow;
import org.sealdrop.ui.Messages;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The window side of {@link IndexScaleBench}, run in a child JVM with headless JavaFX (Monocle): opens
 * the real {@link MainWindow} on a home folder whose index holds N documents, unlocks it through the
 * unlock form several times, types a query into the search field character by character, and writes
 * the timings to a properties file.
 *
 * <p>Arguments: home folder, S3 keys file (properties {@code accessKeyId}, {@code secretAccessKey}),
 * number of documents, query, result file.
 */
public final class IndexWindowRun {

    static final int UNLOCK_ROUNDS = 3;
    static final int TYPING_ROUNDS = 5;
    static final int LIST_CALLS = 3;

    /** Pause between two typed characters, about a fast typist's pace; pulses render the table meanwhile. */
    private static final long KEY_PAUSE_MILLIS = 120;
    private static final long WAIT_NANOS = TimeUnit.MINUTES.toNanos(10);
    /** CPU time of the measuring thread, which on a shared machine drifts far less than the elapsed time. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Properties results = new Properties();
    private final int count;
    private final String expectedCountText;
    private Stage stage;

    private IndexWindowRun(int count) {
        this.count = count;
        this.expectedCountText = Messages.text("documents.search.count", count);
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        int count = Integer.parseInt(args[2]);
        String query = args[3];
        Path resultFile = Path.of(args[4]);

        Platform.startup(() -> Platform.setImplicitExit(false));
        ExecutorService executor = Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, "bench-worker");
            thread.setDaemon(true);
            return thread;
        });
        IndexWindowRun run = new IndexWindowRun(count);
        try (LocalServices services = LocalServices.open(new HomeFolder(home), options(Path.of(args[1])))) {
            run.results.setProperty("heapBeforeWindow", Long.toString(usedHeapAfterGc()));
            for (int round = 1; round <= UNLOCK_ROUNDS; round++) {
                run.unlockAndList(services, executor, round);
                if (round == UNLOCK_ROUNDS) {
                    run.results.setProperty("heapAfterListing", Long.toString(usedHeapAfterGc()));
                    run.typeQuery(query);
                    run.timeListCalls(services);
                }
                run.closeWindow(services);
            }
        } finally {
            executor.shutdownNow();
            Platform.exit();
        }
        try (Writer out = Files.newBufferedWriter(resultFile)) {
            run.results.store(out, "IndexWindowRun, " + count + " documents");
        }
        System.exit(0);
    }

    private static ServiceOptions options(Path keysFile) throws IOException {
        Properties keys = new Properties();
        try (Reader in = Files.newBufferedReader(keysFile)) {
            keys.load(in);
        }
        AwsBasicCredentials credentials = AwsBasicCredentials.create(keys.getProperty("accessKeyId"),
                keys.getProperty("secretAccessKey"));
        return ServiceOptions.defaults().withCredentials(StaticCredentialsProvider.create(credentials), null)
                .withArgon2(TestEnvironment.TEST_ARGON2);
    }

    /**
     * Shows a new window on the locked vault, types the passphrase, presses Unlock and records when
     * the documents view appeared and when the table and the count showed every document.
     */
    private void unlockAndList(LocalServices services, ExecutorService executor, int round) throws Exception {
        onFx(() -> {
            stage = new Stage();
            MainWindow.show(stage, services.vault(), services.documents(), executor);
            return null;
        });
        await(() -> lookup("#unlockPassphrase") != null ? Boolean.TRUE : null);

        long pressed = onFx(() -> {
            ((PasswordField) lookup("#unlockPassphrase")).setText(TestEnvironment.PASSPHRASE);
            long now = System.nanoTime();
            ((Button) lookup("#unlockButton")).fire();
            return now;
        });
        long unlocked = await(() -> lookup("#documentTable") != null ? System.nanoTime() : null);
        long listed = await(() -> {
            TableView<?> table = (TableView<?>) lookup("#documentTable");
            Label countLabel = (Label) lookup("#documentCount");
            boolean done = table != null && table.getItems().size() == count && countLabel != null
                    && expectedCountText.equals(countLabel.getText());
            return done ? System.nanoTime() : null;
        });
        results.setProperty("unlock." + round, Long.toString(unlocked - pressed));
        results.setProperty("listed." + round, Long.toString(listed - pressed));
        System.out.printf("round %d: unlock %d ms, listed %d ms%n", round, (unlocked - pressed) / 1_000_000,
                (listed - pressed) / 1_000_000);
    }

    /**
     * Types {@code query} into the search field {@value #TYPING_ROUNDS} times. Each key is a
     * KEY_TYPED event fired at the field on the application thread, timed until the event returned and
     * the table's item count was read: the text change, the model's filter and the table's item list
     * update. Layout and painting come in the next pulse and are not part of it. The application
     * thread's CPU time over the same interval is recorded too.
     */
    private void typeQuery(String query) throws Exception {
        for (int round = 1; round <= TYPING_ROUNDS; round++) {
            onFx(() -> {
                ((TextField) lookup("#documentSearch")).clear();
                return null;
            });
            Thread.sleep(500);
            for (int index = 0; index < query.length(); index++) {
                String character = query.substring(index, index + 1);
                String expected = query.substring(0, index + 1);
                long[] timed = onFx(() -> {
                    TextField field = (TextField) lookup("#documentSearch");
                    TableView<?> table = (TableView<?>) lookup("#documentTable");
                    long startCpu = THREADS.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    Event.fireEvent(field, new KeyEvent(KeyEvent.KEY_TYPED, character, "", KeyCode.UNDEFINED,
                            false, false, false, false));
                    int rows = table.getItems().size();
                    long end = System.nanoTime();
                    long cpu = THREADS.getCurrentThreadCpuTime() - startCpu;
                    if (!expected.equals(field.getText())) {
                        throw new IllegalStateException("The search field shows '" + field.getText()
                                + "' after typing '" + expected + "'.");
                    }
                    return new long[] {end - start, rows, cpu};
                });
                results.setProperty("key." + round + "." + index, Long.toString(timed[0]));
                results.setProperty("keyCpu." + round + "." + index, Long.toString(timed[2]));
                results.setProperty("rows." + index, Long.toString(timed[1]));
                Thread.sleep(KEY_PAUSE_MILLIS);
            }
        }
    }

    /**
     * Times {@code DocumentService.list()} alone, on this thread with the window idle: reading every row
     * and decrypting its metadata, the part of the listing that does not involve JavaFX.
     */
    private void timeListCalls(LocalServices services) {
        for (int call = 1; call <= LIST_CALLS; call++) {
            long startCpu = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            int listed = services.documents().list().size();
            long elapsed = System.nanoTime() - start;
            results.setProperty("listCallCpu." + call, Long.toString(THREADS.getCurrentThreadCpuTime() - startCpu));
            if (listed != count) {
                throw new IllegalStateException("DocumentService.list() returned " + listed + " documents, expected " + count + ".");
            }
            results.setProperty("listCall." + call, Long.toString(elapsed));
        }
    }

    private void closeWindow(LocalServices services) throws Exception {
        onFx(() -> {
            stage.close();
            return null;
        });
        services.vault().lock();
    }

    private Node lookup(String selector) {
        Scene scene = stage.getScene();
        return scene == null ? null : scene.lookup(selector);
    }

    /** Polls {@code check} on the application thread until it returns a value. */
    private static <T> T await(Callable<T> check) throws Exception {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (System.nanoTime() < deadline) {
            T value = onFx(check);
            if (value != null) {
                return value;
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("The window did not reach the expected state within 10 minutes.");
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get(10, TimeUnit.MINUTES);
    }

    private static long usedHeapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
