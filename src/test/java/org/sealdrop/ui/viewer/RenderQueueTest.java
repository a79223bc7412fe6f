package org.sealdrop.ui.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealdrop.ui.WindowFixture.waitFor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The viewer's render thread: newer page requests replace waiting ones, and thumbnails wait for pages. */
@ExtendWith(ApplicationExtension.class)
class RenderQueueTest {

    @Start
    void start(Stage stage) {
        // The extension starts the JavaFX toolkit, which delivers the results.
    }

    @Test
    void newerPageReplacesWaitingOnes() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        List<String> delivered = new CopyOnWriteArrayList<>();
        Consumer<String> deliver = result -> delivered.add(Platform.isFxApplicationThread() ? result : "wrong thread");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);

        try (RenderQueue queue = new RenderQueue()) {
            queue.submitPage(() -> {
                started.countDown();
                assertTrue(release.await(60, TimeUnit.SECONDS));
                ran.add("page 0");
                return "page 0";
            }, deliver, failure -> delivered.add("failed"));
            assertTrue(started.await(60, TimeUnit.SECONDS));

            queue.submitThumbnail(() -> record(ran, "thumbnail 1"), deliver, failure -> delivered.add("failed"));
            for (int page = 1; page <= 50; page++) {
                String name = "page " + page;
                queue.submitPage(() -> record(ran, name), deliver, failure -> delivered.add("failed"));
            }
            release.countDown();

            waitFor(() -> delivered.size() == 3);
            assertEquals(List.of("page 0", "page 50", "thumbnail 1"), ran);
            assertEquals(List.of("page 0", "page 50", "thumbnail 1"), delivered, "results arrive on the JavaFX thread");
        }
    }

    @Test
    void failureReachesCallback() throws Exception {
        List<Throwable> failures = new CopyOnWriteArrayList<>();

        try (RenderQueue queue = new RenderQueue()) {
            queue.submitPage(() -> {
                throw new IllegalStateException("render failed");
            }, result -> { }, failures::add);
            waitFor(() -> failures.size() == 1);
        }
        assertEquals("render failed", failures.get(0).getMessage());
    }

    private static String record(List<String> ran, String name) {
        ran.add(name);
        return name;
    }
}
