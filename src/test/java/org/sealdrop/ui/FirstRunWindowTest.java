package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealdrop.ui.WindowFixture.waitFor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.VaultState;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.testsupport.TestEnvironment;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The first-run form creates a vault on the real services and shows its recovery key once. */
@ExtendWith(ApplicationExtension.class)
class FirstRunWindowTest {

    private static final String PASSPHRASE = "first run clinic passphrase";

    @TempDir
    Path root;

    private WindowFixture fixture;
    private TestEnvironment environment;
    private LocalServices services;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void startServers() throws IOException {
        fixture = WindowFixture.start(root.resolve("environment"), stage);
        environment = fixture.environment();
        services = LocalServices.open(new HomeFolder(root.resolve("new-home")), environment.options());
    }

    @AfterEach
    void stop() {
        // The window runs its work on the fixture's executor, so that stops before the services close.
        fixture.executor().shutdownNow();
        services.close();
        fixture.close();
    }

    @Test
    void createShowsWorkingRecoveryKey(FxRobot robot) throws TimeoutException {
        fixture.show(robot, () -> MainWindow.show(stage, services.vault(), services.documents(), fixture.executor()));
        waitFor(() -> robot.lookup("#setupButton").tryQuery().isPresent());

        robot.interact(() -> {
            text(robot, "#endpointField").setText(environment.s3().endpoint().toString());
            text(robot, "#bucketField").setText(TestEnvironment.BUCKET);
            text(robot, "#prefixField").setText("first-run/");
            text(robot, "#auditUrlField").setText(environment.receiver().baseUrl().toString());
            robot.lookup("#passphraseField").queryAs(PasswordField.class).setText(PASSPHRASE);
            robot.lookup("#confirmationField").queryAs(PasswordField.class).setText(PASSPHRASE);
        });
        robot.clickOn("#setupButton");

        waitFor(() -> robot.lookup("#recoveryKey").tryQuery().isPresent());
        String shown = robot.lookup("#recoveryKey").queryAs(TextField.class).getText();
        assertEquals(65, shown.replaceAll("[^0-9A-Za-z]", "").length(), shown);
        assertEquals(VaultState.UNLOCKED, services.vault().state());

        services.vault().lock();
        services.vault().recover(shown.toCharArray(), "a new passphrase after loss".toCharArray());
        services.vault().lock();
        services.vault().unlock("a new passphrase after loss".toCharArray());
        assertEquals(VaultState.UNLOCKED, services.vault().state());
        assertTrue(noFileContains(root.resolve("new-home"), shown), "the recovery key is stored nowhere");
    }

    private static TextField text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class);
    }

    private static boolean noFileContains(Path folder, String text) {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).noneMatch(file -> {
                try {
                    return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1).contains(text);
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
