package org.sealdrop.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;

/** Write transactions against an index whose write lock another connection holds. */
class BusyIndexTest {

    /** Short waits, so that a test of the give-up path does not wait the default 50 s. */
    private static final BusyRetry QUICK = new BusyRetry(100, 3, Duration.ofMillis(10), Duration.ofMillis(20));

    @TempDir
    Path temp;

    @Test
    void heldWriteLockEndsInIndexBusy() throws Exception {
        Database database = Database.open(temp.resolve("index.db"), QUICK);
        AtomicBoolean workRan = new AtomicBoolean();

        try (Connection holder = database.connect(); Statement statement = holder.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            SealDropException e = assertThrows(SealDropException.class, () -> database.inTransaction(connection -> {
                workRan.set(true);
                return null;
            }));
            assertEquals("SD-INDEX-BUSY", e.errorCode());
            assertTrue(e.getMessage().contains("busy in another SealDrop program; try again"), e.getMessage());
            statement.execute("ROLLBACK");
        }
        assertFalse(workRan.get(), "work must not run without the write lock");
    }

    @Test
    void busyBeginSucceedsOnceLockIsReleased() throws Exception {
        BusyRetry patient = new BusyRetry(50, 200, Duration.ofMillis(10), Duration.ofMillis(20));
        Database database = Database.open(temp.resolve("index.db"), patient);
        DocumentIndex index = new DocumentIndex(database);
        UUID id = UUID.randomUUID();

        CompletableFuture<Void> write;
        try (Connection holder = database.connect(); Statement statement = holder.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            CountDownLatch started = new CountDownLatch(1);
            write = CompletableFuture.runAsync(() -> {
                started.countDown();
                database.inTransaction(connection -> {
                    index.insert(connection, DatabaseTest.record(id));
                    return null;
                });
            });
            assertTrue(started.await(30, TimeUnit.SECONDS));
            statement.execute("COMMIT");
        }

        write.get(60, TimeUnit.SECONDS);
        assertTrue(index.find(id).isPresent());
    }
}
