package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealdrop.ui.WindowFixture.waitFor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * The first-run wizard on the real services: creating a vault (its recovery key shown once), joining
 * it from a second home folder, and the connection tests of the storage and audit steps.
 */
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
    void createShowsRecoveryKeyOnce(FxRobot robot) throws Exception {
        showWizard(robot);
        robot.clickOn("#modeCreate").type(KeyCode.ENTER);
        waitForStep(robot, 2);

        AwsCredentials keys = environment.s3().credentials().resolveCredentials();
        fillStorage(robot, TestEnvironment.BUCKET, "first-run/");
        robot.interact(() -> {
            text(robot, "#accessKeyField").setText(keys.accessKeyId());
            password(robot, "#secretKeyField").setText(keys.secretAccessKey());
        });
        robot.clickOn("#testStorageButton");
        waitForText(robot, "#storageTestResult", Messages.text("wizard.storage.ok", TestEnvironment.BUCKET));
        robot.clickOn("#wizardNext");
        waitForStep(robot, 3);

        robot.interact(() -> {
            text(robot, "#auditUrlField").setText(environment.receiver().baseUrl().toString());
            password(robot, "#auditTokenField").setText(token());
        });
        robot.clickOn("#testAuditButton");
        waitForText(robot, "#auditTestResult", Messages.text("wizard.audit.ok"));

        // Escape goes back and Enter forward again; nothing typed is lost on the way.
        robot.type(KeyCode.ESCAPE);
        waitForStep(robot, 2);
        assertEquals(environment.s3().endpoint().toString(), text(robot, "#endpointField").getText());
        assertEquals(keys.secretAccessKey(), password(robot, "#secretKeyField").getText());
        robot.clickOn("#wizardNext");
        waitForStep(robot, 3);
        assertEquals(token(), password(robot, "#auditTokenField").getText());
        robot.clickOn("#wizardNext");
        waitForStep(robot, 4);

        robot.interact(() -> {
            password(robot, "#passphraseField").setText("too short");
            password(robot, "#confirmationField").setText("too short");
        });
        robot.clickOn("#wizardNext");
        assertEquals(Messages.text("wizard.invalid.passphraseShort", 10, 9),
                robot.lookup("#passphraseFieldProblem").queryAs(Label.class).getText());
        robot.interact(() -> {
            password(robot, "#passphraseField").setText(PASSPHRASE);
            password(robot, "#confirmationField").setText(PASSPHRASE);
        });
        robot.clickOn("#wizardNext");

        waitForStep(robot, 5);
        String shown = text(robot, "#recoveryKey").getText();
        assertEquals(65, shown.replaceAll("[^0-9A-Za-z]", "").length(), shown);
        assertEquals(VaultState.UNLOCKED, services.vault().state());
        assertFalse(robot.lookup("#wizardBack").query().isVisible(), "no way back once the vault exists");

        robot.clickOn("#wizardNext");
        assertEquals(Messages.text("wizard.invalid.recoveryNotStored"),
                robot.lookup("#recoveryStoredCheckProblem").queryAs(Label.class).getText());
        assertTrue(fixture.window().documentsView() == null, "Finish waits for the tick");
        robot.clickOn("#recoveryStoredCheck");
        assertTrue(robot.lookup("#recoveryStoredCheck").queryAs(CheckBox.class).isSelected());
        robot.clickOn("#wizardNext");

        waitFor(() -> fixture.window().documentsView() != null);
        assertFalse(robot.lookup("#recoveryKey").tryQuery().isPresent(), "the key is not shown again");
        assertTrue(noFileContains(root, shown), "the recovery key is stored nowhere");
        assertTrue(noFileContains(root.resolve("new-home"), keys.secretAccessKey()), "the S3 secret is not saved");

        services.vault().lock();
        services.vault().recover(shown.toCharArray(), "a new passphrase after loss".toCharArray());
        assertEquals(VaultState.UNLOCKED, services.vault().state());
    }

    @Test
    void joinOpensSameVault(FxRobot robot) throws Exception {
        environment.services();
        showWizard(robot);
        robot.clickOn("#modeJoin");
        robot.clickOn("#wizardNext");
        waitForStep(robot, 2);
        assertEquals(Messages.text("wizard.step", 2, 4, Messages.text("wizard.step.STORAGE")),
                robot.lookup("#wizardStep").queryAs(Label.class).getText());

        // No typed keys: the services' own credentials are used, as a clinic computer's profile would be.
        fillStorage(robot, TestEnvironment.BUCKET, TestEnvironment.PREFIX);
        robot.clickOn("#wizardNext");
        waitForStep(robot, 3);
        robot.interact(() -> {
            text(robot, "#auditUrlField").setText(environment.receiver().baseUrl().toString());
            text(robot, "#tokenFileField").setText(environment.tokenFile().toString());
        });
        robot.clickOn("#wizardNext");
        waitForStep(robot, 4);
        assertFalse(robot.lookup("#confirmationField").query().isVisible(), "joining types the passphrase once");

        robot.interact(() -> password(robot, "#passphraseField").setText("not the vault passphrase"));
        robot.clickOn("#wizardNext");
        waitForText(robot, "#passphraseFieldProblem", ErrorCatalog.presentation("SD-WRONG-PASSPHRASE", null).text());

        robot.interact(() -> password(robot, "#passphraseField").setText(TestEnvironment.PASSPHRASE));
        robot.clickOn("#wizardNext");
        waitFor(() -> fixture.window().documentsView() != null);
        assertEquals(VaultState.UNLOCKED, services.vault().state());
        assertFalse(robot.lookup("#recoveryKey").tryQuery().isPresent(), "a join makes no recovery key");
    }

    @Test
    void storageTestNamesTheFailure(FxRobot robot) throws Exception {
        showWizard(robot);
        robot.clickOn("#wizardNext");
        waitForStep(robot, 2);
        AwsCredentials keys = environment.s3().credentials().resolveCredentials();

        fillStorage(robot, "no-such-bucket", "");
        robot.clickOn("#testStorageButton");
        waitForText(robot, "#storageTestResult", knownText("SD-S3-NO-BUCKET"));

        fillStorage(robot, TestEnvironment.BUCKET, "");
        robot.interact(() -> {
            text(robot, "#accessKeyField").setText(keys.accessKeyId());
            password(robot, "#secretKeyField").setText("not-the-secret");
        });
        robot.clickOn("#testStorageButton");
        waitForText(robot, "#storageTestResult", knownText("SD-S3-ACCESS-DENIED"));

        String refused = refusedUrl();
        robot.interact(() -> {
            text(robot, "#endpointField").setText(refused);
            password(robot, "#secretKeyField").setText(keys.secretAccessKey());
        });
        robot.clickOn("#testStorageButton");
        waitForText(robot, "#storageTestResult", knownText("SD-S3-UNREACHABLE"));

        robot.interact(() -> text(robot, "#endpointField").setText(""));
        robot.clickOn("#testStorageButton");
        assertEquals(Messages.text("setup.invalid.urlMissing", Messages.text("setup.endpoint.name")),
                robot.lookup("#endpointFieldProblem").queryAs(Label.class).getText());
    }

    @Test
    void auditTestNamesTheFailure(FxRobot robot) throws Exception {
        showWizard(robot);
        robot.clickOn("#wizardNext");
        fillStorage(robot, TestEnvironment.BUCKET, "");
        robot.clickOn("#wizardNext");
        waitForStep(robot, 3);

        String refused = refusedUrl();
        robot.interact(() -> {
            text(robot, "#auditUrlField").setText(refused);
            password(robot, "#auditTokenField").setText(token());
        });
        robot.clickOn("#testAuditButton");
        waitForText(robot, "#auditTestResult", knownText("SD-AUDIT-UNREACHABLE"));

        robot.interact(() -> {
            text(robot, "#auditUrlField").setText(environment.receiver().baseUrl().toString());
            password(robot, "#auditTokenField").setText("wrong-token-0123456789");
        });
        robot.clickOn("#testAuditButton");
        waitForText(robot, "#auditTestResult", knownText("SD-AUDIT-TOKEN"));

        robot.interact(() -> password(robot, "#auditTokenField").setText(token()));
        robot.clickOn("#testAuditButton");
        waitForText(robot, "#auditTestResult", Messages.text("wizard.audit.ok"));
        assertTrue(environment.receivedEvents().isEmpty(), "a test records no event");
    }

    private void showWizard(FxRobot robot) throws TimeoutException {
        fixture.show(robot, () -> MainWindow.show(stage, services.vault(), services.documents(), fixture.executor()));
        waitForStep(robot, 1);
    }

    private void fillStorage(FxRobot robot, String bucket, String prefix) {
        robot.interact(() -> {
            text(robot, "#endpointField").setText(environment.s3().endpoint().toString());
            text(robot, "#bucketField").setText(bucket);
            text(robot, "#prefixField").setText(prefix);
        });
    }

    private String token() {
        try {
            return Files.readString(environment.tokenFile()).strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String knownText(String code) {
        return ErrorCatalog.presentation(code, null).text();
    }

    private static void waitForStep(FxRobot robot, int number) throws TimeoutException {
        waitFor(() -> robot.lookup("#wizardStep").tryQuery()
                .map(node -> ((Label) node).getText().startsWith("Step " + number + " ")).orElse(false));
    }

    private static void waitForText(FxRobot robot, String id, String expected) throws TimeoutException {
        waitFor(() -> expected.equals(robot.lookup(id).queryAs(Label.class).getText()),
                () -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private static TextField text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class);
    }

    private static PasswordField password(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(PasswordField.class);
    }

    private static String refusedUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    private static boolean noFileContains(Path folder, String text) {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).noneMatch(file -> {
                try {
                    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
