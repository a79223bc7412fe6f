package org.sealdrop.auditserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;
import org.slf4j.LoggerFactory;

class TokenFileTest {

    static final String FIRST = "a3f1c9e07b2d4e6f8a0b1c2d3e4f5a6b";
    static final String SECOND = "Zm9vYmFyYmF6cXV4cXV1eA==";

    @TempDir
    Path folder;

    Logger logger;
    ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void captureLogs() {
        logger = (Logger) LoggerFactory.getLogger(TokenFile.class);
        logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    @Test
    void readsTokensSkippingCommentsAndBlanks() throws Exception {
        Path file = write("# receiver tokens\n\n  " + FIRST + "  \n# old: retired\n" + SECOND + "\n\n", "rw-------");

        assertEquals(Set.of(FIRST, SECOND), TokenFile.read(file));
        assertTrue(logs.list.isEmpty(), "an owner-only file needs no warning");
    }

    @Test
    void missingFileRejected() {
        SealDropException e = assertThrows(SealDropException.class, () -> TokenFile.read(folder.resolve("none")));

        assertEquals("SD-AUDIT-TOKEN", e.errorCode());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void fileWithoutTokensRejected() throws Exception {
        Path file = write("# nothing yet\n\n", "rw-------");

        SealDropException e = assertThrows(SealDropException.class, () -> TokenFile.read(file));

        assertTrue(e.getMessage().contains("no token"), e.getMessage());
    }

    @Test
    void shortTokenRejectedByLine() throws Exception {
        Path file = write(FIRST + "\nsecret12\n", "rw-------");

        SealDropException e = assertThrows(SealDropException.class, () -> TokenFile.read(file));

        assertTrue(e.getMessage().contains("Line 2"), e.getMessage());
        assertFalse(e.getMessage().contains("secret12"), e.getMessage());
    }

    @Test
    void readableByOthersWarns() throws Exception {
        Path file = write(FIRST + "\n", "rw-r--r--");

        assertEquals(Set.of(FIRST), TokenFile.read(file));

        assertEquals(1, logs.list.size());
        assertTrue(logs.list.get(0).getFormattedMessage().contains("chmod 600"));
        assertFalse(logs.list.get(0).getFormattedMessage().contains(FIRST));
    }

    private Path write(String content, String permissions) throws Exception {
        Path file = folder.resolve("tokens");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }
}
