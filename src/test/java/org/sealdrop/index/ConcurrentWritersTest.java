package org.sealdrop.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two forked JVMs and two threads of this JVM write audit events and document rows to one index file
 * at the same time, as the window's audit sender, an index sync and a command-line upload can. No
 * write may fail with SQLITE_BUSY, and every row and event must be there afterwards, with the audit
 * chain unbroken.
 */
class ConcurrentWritersTest {

    private static final int PROCESSES = 2;
    private static final int THREADS = 2;
    private static final int ROUNDS = 120;

    @TempDir
    Path temp;

    @Test
    void concurrentWritersLoseNothing() throws Exception {
        Path file = temp.resolve("index.db");
        Database.open(file);

        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            processes.add(fork(file, "process-" + i));
        }
        ConcurrentLinkedQueue<Throwable> threadFailures = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<Void>> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            String name = "thread-" + i;
            threads.add(CompletableFuture.runAsync(() -> {
                try {
                    IndexWriter.run(file, name, ROUNDS);
                } catch (RuntimeException e) {
                    threadFailures.add(e);
                }
            }));
        }

        for (CompletableFuture<Void> thread : threads) {
            thread.get(10, TimeUnit.MINUTES);
        }
        for (Process process : processes) {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(10, TimeUnit.MINUTES), "forked writer finished");
            assertFalse(output.contains("SQLITE_BUSY"), output);
            assertEquals(0, process.exitValue(), output);
            assertTrue(output.contains(IndexWriter.DONE), output);
        }
        assertTrue(threadFailures.isEmpty(), () -> describe(threadFailures));

        int writers = PROCESSES + THREADS;
        try (Connection connection = Database.open(file).connect(); Statement statement = connection.createStatement()) {
            assertEquals(writers * ROUNDS, count(statement, "SELECT COUNT(*) FROM documents"));
            assertEquals(2 * writers * ROUNDS, count(statement, "SELECT COUNT(*) FROM audit_outbox"));
            assertEquals(2 * writers * ROUNDS, count(statement, "SELECT last_sequence FROM audit_chain"));
            for (int i = 0; i < PROCESSES; i++) {
                assertEquals(ROUNDS, count(statement, "SELECT COUNT(*) FROM documents WHERE object_key LIKE 'process-" + i + "/%'"));
            }
        }
    }

    private static Process fork(Path file, String name) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                IndexWriter.class.getName(), file.toString(), name, Integer.toString(ROUNDS)))
                .redirectErrorStream(true)
                .start();
    }

    private static long count(Statement statement, String sql) throws Exception {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String describe(ConcurrentLinkedQueue<Throwable> failures) {
        StringBuilder text = new StringBuilder();
        for (Throwable failure : failures) {
            text.append(failure).append(" caused by ").append(failure.getCause()).append('\n');
        }
        return text.toString();
    }
}
