package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.VaultKeyArrays;
import org.sealdrop.app.VaultState;
import org.sealdrop.testsupport.TestEnvironment;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The launcher on the real services. TestFX has started the toolkit already, so the launcher shows
 * its window on the running toolkit and must leave the toolkit running when it returns.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopLauncherTest {

    @TempDir
    Path root;

    @Test
    void closingWindowReturnsAndLocks(FxRobot robot) throws IOException, InterruptedException, TimeoutException {
        try (TestEnvironment environment = TestEnvironment.start(root)) {
            LocalServices services = environment.services();
            List<byte[]> keyArrays = VaultKeyArrays.liveArrays(services);
            assertFalse(VaultKeyArrays.allZero(keyArrays), "the vault keys are live before the launch");
            Thread launcher = new Thread(() -> DesktopLauncher.launch(services.vault(), services.documents()),
                    "desktop-launcher");
            launcher.setDaemon(true);
            launcher.start();

            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> documentsWindow(robot).isPresent());
            Stage window = documentsWindow(robot).orElseThrow();
            assertEquals("SealDrop", window.getTitle());
            assertFalse(window.getIcons().isEmpty(), "window icons loaded from the class path");

            robot.interact(window::close);
            launcher.join(TimeUnit.SECONDS.toMillis(60));

            assertFalse(launcher.isAlive(), "launch returned after the window closed");
            assertEquals(VaultState.LOCKED, services.vault().state());
            assertTrue(VaultKeyArrays.allZero(keyArrays), "every vault key version is zeroed once launch returned");

            assertTrue(services.flushAudit(Duration.ofSeconds(10)), "audit events delivered");
            List<JsonNode> locks = environment.receivedEvents().stream()
                    .filter(event -> event.get("action").asText().equals("lock")).toList();
            assertEquals(1, locks.size());
            assertEquals("quit", locks.get(0).get("reason").asText());
        }
    }

    /** The launcher's stage, recognised by the document table once the unlocked view shows. */
    private static Optional<Stage> documentsWindow(FxRobot robot) {
        Stage[] found = new Stage[1];
        robot.interact(() -> {
            for (Window window : Window.getWindows()) {
                if (window instanceof Stage && window.getScene() != null
                        && window.getScene().lookup("#documentTable") != null) {
                    found[0] = (Stage) window;
                }
            }
        });
        return Optional.ofNullable(found[0]);
    }
}
