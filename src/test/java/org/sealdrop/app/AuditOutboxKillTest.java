package org.sealdrop.app;

import org.sealdrop.testsupport.ManagedFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.auditserver.ChainReport;
import org.sealdrop.config.Settings;
import org.sealdrop.config.SettingsFile;
import org.sealdrop.index.Database;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.FaultProxy;
import org.sealdrop.testsupport.TestEnvironment;

/**
 * Audit events survive a killed SealDrop: a separate JVM opens documents while the receiver stores
 * the first batch without answering and stalls on the rest, and is killed with its events still in
 * the outbox. The next services instance on the same home folder delivers every event exactly once,
 * in an intact chain. Only a real process kill shows that nothing depends on a clean shutdown.
 */
class AuditOutboxKillTest {

    static final Duration HOLD = Duration.ofMinutes(5);
    static final Duration WAIT = Duration.ofSeconds(90);
    static final String EVENTS_POST = "POST /v1/events";

    @TempDir
    Path temp;

    TestEnvironment environment;
    FaultProxy proxy;
    Process child;

    @AfterEach
    void stop() throws Exception {
        if (child != null) {
            child.destroyForcibly();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (environment != null) {
            environment.close();
        }
    }

    @Test
    void killedProcessEventsDeliveredOnceAfterRestart() throws Exception {
        environment = TestEnvironment.start(temp);
        LocalServices first = environment.services();
        UUID scan = first.documents().upload(Corpus.pdf("pdflatex-4-pages.pdf"), null, TransferListener.NONE).id();
        UUID letter = first.documents().upload(Corpus.pdf("minimal-document.pdf"), null, TransferListener.NONE).id();
        assertTrue(first.flushAudit(WAIT));
        Settings direct = first.settings().orElseThrow();

        // The receiver stores the child's first batch but never answers it, and never sees later ones.
        proxy = FaultProxy.inFrontOf(environment.receiver().baseUrl(), HOLD);
        proxy.injectOnce(FaultProxy.Fault.DELAY_RESPONSE, EVENTS_POST);
        proxy.inject(FaultProxy.Fault.STALL, EVENTS_POST, 2, Integer.MAX_VALUE);
        first.reconfigure(AuditSettings.with(direct, proxy.endpoint(), null, null, null, null));
        first.close();
        int receivedBefore = environment.receivedEvents().size();

        BlockingQueue<String> output = startChild(scan, letter);
        String recorded = awaitLine(output, "recorded ");
        long childEvents = Long.parseLong(recorded.substring("recorded ".length()));
        Database index = Database.open(environment.home().indexFile());
        List<String> pending = outboxEventIds(index);
        assertEquals(childEvents, pending.size());
        assertEquals(5, pending.size(), "an unlock and four opens");
        // The stored but unanswered first batch makes the restarted sender send events the receiver has.
        Instant deadline = Instant.now().plus(WAIT);
        while (environment.receivedEvents().size() == receivedBefore) {
            assertTrue(Instant.now().isBefore(deadline), "the receiver never stored the child's first batch");
            Thread.sleep(100);
        }
        assertTrue(environment.receivedEvents().size() - receivedBefore < pending.size(),
                "every event reached the receiver before the kill");

        child.destroyForcibly();
        assertTrue(child.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(pending, outboxEventIds(index), "the outbox changed after the kill");

        SettingsFile.write(environment.home().settingsFile(), direct);
        try (LocalServices restarted = LocalServices.open(environment.home(), environment.options())) {
            assertTrue(restarted.flushAudit(WAIT), "events still pending after the restart");
        }

        List<JsonNode> received = environment.receivedEvents();
        Map<String, Long> copies = received.stream()
                .collect(Collectors.groupingBy(event -> event.get("eventId").asText(), Collectors.counting()));
        for (String eventId : pending) {
            assertEquals(1L, copies.getOrDefault(eventId, 0L), "copies of event " + eventId);
        }
        assertEquals(receivedBefore + pending.size(), received.size());
        ChainReport chain = environment.receiver().store().verifyChain(received.get(0).get("deviceId").asText());
        assertTrue(chain.intact(), chain.toString());
        assertEquals(received.size(), chain.eventCount());
        assertEquals(0, outboxEventIds(index).size());
    }

    private BlockingQueue<String> startChild(UUID... documents) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daws.disableEc2Metadata=true", ManagedFile.forkArgument(), "-cp", System.getProperty("java.class.path"),
                OpenThenWait.class.getName(), environment.home().root().toString()));
        for (UUID document : documents) {
            command.add(document.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        var credentials = environment.s3().credentials().resolveCredentials();
        builder.environment().put("TEST_S3_ACCESS_KEY", credentials.accessKeyId());
        builder.environment().put("TEST_S3_SECRET_KEY", credentials.secretAccessKey());
        child = builder.start();

        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (java.io.IOException e) {
                // The child was killed.
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private String awaitLine(BlockingQueue<String> output, String prefix) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        List<String> seen = new ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            String line = output.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
            if (line != null) {
                seen.add(line);
            }
            assertFalse(!child.isAlive() && output.isEmpty(), "the child exited:\n" + String.join("\n", seen));
        }
        throw new AssertionError("the child printed no '" + prefix + "' line:\n" + String.join("\n", seen));
    }

    private static List<String> outboxEventIds(Database index) {
        return index.read(connection -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT event_id FROM audit_outbox ORDER BY seq");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        });
    }
}
