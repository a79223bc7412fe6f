package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.app.AuditSettings;
import org.sealdrop.app.ForeignSigningKey;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.TransferListener;
import org.sealdrop.config.Settings;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.TestEnvironment;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The status bar on the real services: it shows the events that wait while the audit receiver is
 * down, and clears once they are delivered, and it warns when the receiver rejected this computer's
 * events.
 */
@ExtendWith(ApplicationExtension.class)
class WindowAuditStatusTest {

    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path root;

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private TestEnvironment environment;
    private LocalServices services;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void startServices() throws IOException {
        environment = TestEnvironment.start(root);
        services = environment.services();
    }

    @AfterEach
    void stopServices() {
        executor.shutdownNow();
        environment.close();
    }

    @Test
    void statusBarShowsWaitingEventsUntilDelivered(FxRobot robot) throws Exception {
        UUID id = services.documents().upload(Corpus.pdf("minimal-document.pdf"), null, TransferListener.NONE).id();
        assertTrue(services.flushAudit(Duration.ofSeconds(30)));
        Settings reachable = services.settings().orElseThrow();
        services.reconfigure(AuditSettings.with(reachable, URI.create("http://127.0.0.1:" + closedPort()),
                null, null, null, null));
        services.documents().open(id, TransferListener.NONE).close();
        services.documents().open(id, TransferListener.NONE).close();

        robot.interact(() -> MainWindow.show(stage, services.vault(), services.documents(), executor));

        waitFor(() -> pendingAuditText(robot).equals("2 audit events waiting, oldest under 1 min"), robot);

        services.reconfigure(reachable);
        assertTrue(services.flushAudit(Duration.ofSeconds(30)));
        waitFor(() -> pendingAuditText(robot).equals("All audit events sent"), robot);
    }

    @Test
    void statusBarWarnsOfRejectedEvents(FxRobot robot) throws Exception {
        LocalServices pinned = environment.services();
        pinned.documents().upload(Corpus.pdf("minimal-document.pdf"), null, TransferListener.NONE);
        assertTrue(pinned.flushAudit(Duration.ofSeconds(30)));
        LocalServices restarted = ForeignSigningKey.restartWithForeignKey(environment, pinned, root.resolve("other"));
        try {
            assertTrue(restarted.flushAudit(Duration.ofSeconds(30)), "the rejected unlock event stayed in the outbox");

            robot.interact(() -> MainWindow.show(stage, restarted.vault(), restarted.documents(), executor));

            waitFor(() -> pendingAuditText(robot).startsWith("Warning: the audit receiver rejected 1 audit event of"
                    + " this computer (key_mismatch)"), robot);
            Label label = robot.lookup("#pendingAudit").queryAs(Label.class);
            assertTrue(label.getPseudoClassStates().contains(PseudoClass.getPseudoClass("rejected")));
        } finally {
            restarted.close();
        }
    }

    private static String pendingAuditText(FxRobot robot) {
        return robot.lookup("#pendingAudit").tryQuery().map(node -> ((Label) node).getText()).orElse("");
    }

    private static void waitFor(java.util.function.Supplier<Boolean> condition, FxRobot robot) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition::get);
        } catch (TimeoutException e) {
            throw new TimeoutException("status bar shows \"" + pendingAuditText(robot) + "\"");
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            return socket.getLocalPort();
        }
    }
}
