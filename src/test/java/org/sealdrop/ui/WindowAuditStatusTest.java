package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealdrop.ui.WindowFixture.waitFor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
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
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The status bar on the real services: it shows the events that wait while the audit receiver is
 * down, and clears once they are delivered, and it warns when the receiver rejected this computer's
 * events.
 */
@ExtendWith(ApplicationExtension.class)
class WindowAuditStatusTest {

    @TempDir
    Path root;

    private WindowFixture fixture;
    private LocalServices services;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void startServices() throws IOException {
        fixture = WindowFixture.start(root, stage);
        services = fixture.services();
    }

    @AfterEach
    void stopServices() {
        fixture.close();
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

        fixture.show(robot, () -> MainWindow.show(stage, services.vault(), services.documents(), fixture.executor()));

        waitFor(() -> pendingAuditText(robot).equals("2 audit events waiting, oldest under 1 min"),
                () -> "\"" + pendingAuditText(robot) + "\"");

        services.reconfigure(reachable);
        assertTrue(services.flushAudit(Duration.ofSeconds(30)));
        waitFor(() -> pendingAuditText(robot).equals("All audit events sent"), () -> "\"" + pendingAuditText(robot) + "\"");
    }

    @Test
    void statusBarWarnsOfRejectedEvents(FxRobot robot) throws Exception {
        LocalServices pinned = services;
        pinned.documents().upload(Corpus.pdf("minimal-document.pdf"), null, TransferListener.NONE);
        assertTrue(pinned.flushAudit(Duration.ofSeconds(30)));
        LocalServices restarted = ForeignSigningKey.restartWithForeignKey(fixture.environment(), pinned,
                root.resolve("other"));
        try {
            assertTrue(restarted.flushAudit(Duration.ofSeconds(30)), "the rejected unlock event stayed in the outbox");

            fixture.show(robot, () -> MainWindow.show(stage, restarted.vault(), restarted.documents(), fixture.executor()));

            waitFor(() -> pendingAuditText(robot).startsWith("Warning: the audit receiver rejected 1 audit event of"
                    + " this computer (key_mismatch)"), () -> "\"" + pendingAuditText(robot) + "\"");
            Label label = robot.lookup("#pendingAudit").queryAs(Label.class);
            assertTrue(label.getPseudoClassStates().contains(PseudoClass.getPseudoClass("rejected")));
        } finally {
            restarted.close();
        }
    }

    private static String pendingAuditText(FxRobot robot) {
        return robot.lookup("#pendingAudit").tryQuery().map(node -> ((Label) node).getText()).orElse("");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            return socket.getLocalPort();
        }
    }
}
