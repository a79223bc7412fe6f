package org.sealdrop.audit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.index.Database;
import org.slf4j.LoggerFactory;

/**
 * The set-up of the sender tests: an index database with its audit outbox in a temporary folder, an
 * {@link AuditTrail} that records into it, and the receivers, senders and log captures that a test
 * registers in {@link #toClose}, closed in reverse order after each test.
 */
abstract class OutboxSetUp {

    static final AuditIdentity IDENTITY = new AuditIdentity("m.jones", "clinic-pc-07", "0.1.0");
    static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    Database database;
    AuditTrail trail;
    final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void openIndex() {
        database = Database.open(folder.resolve("index.db"));
        trail = new AuditTrail(database, IDENTITY, AuditEventJsonTest.testKey(), Clock.systemUTC());
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    /** Captures what the {@code org.sealdrop} loggers write until the test ends. */
    ListAppender<ILoggingEvent> captureLogs() {
        Logger logger = (Logger) LoggerFactory.getLogger("org.sealdrop");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        toClose.add(() -> logger.detachAppender(appender));
        return appender;
    }
}
