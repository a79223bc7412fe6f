package org.sealdrop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.testsupport.TestEnvironment;

/**
 * Source files that vanish or cannot be read: each upload fails with a message that says what
 * happened and what to do, and leaves no row and no object behind.
 */
class SourceFailureTest {

    private static final String READ_ADVICE = "check the disk or network share";

    @TempDir
    Path temp;

    private TestEnvironment environment;
    private LocalServices services;

    @BeforeEach
    void start() throws IOException {
        environment = TestEnvironment.start(temp.resolve("environment"));
        services = environment.services();
    }

    @AfterEach
    void stop() {
        environment.close();
    }

    @Test
    void fileVanishedAfterTheDrop() throws Exception {
        Path scan = Files.write(temp.resolve("scan.pdf"), new byte[50_000]);
        CheckedFile checked = services.documents().checkContent(List.of(scan)).get(0);
        Files.delete(scan);

        SealDropException failure = assertThrows(SealDropException.class,
                () -> services.documents().upload(checked, null, TransferListener.NONE));

        assertEquals("SD-SOURCE-MISSING", failure.errorCode());
        assertTrue(failure.getMessage().contains("could not be read because it no longer exists"), failure.getMessage());
        assertTrue(failure.getMessage().contains(READ_ADVICE), failure.getMessage());
        assertNothingStored();
        assertFailureAudited("SD-SOURCE-MISSING");
    }

    @Test
    void fileVanishedDuringTheUpload() throws Exception {
        Path scan = temp.resolve("large scan.pdf");
        byte[] content = new byte[20 * 1024 * 1024];
        new Random(3).nextBytes(content);
        Files.write(scan, content);
        AtomicBoolean deleted = new AtomicBoolean();

        // The first progress report comes while parts are still being sent.
        SealDropException failure = assertThrows(SealDropException.class,
                () -> services.documents().upload(scan, null, (done, total) -> {
                    if (deleted.compareAndSet(false, true)) {
                        try {
                            Files.delete(scan);
                        } catch (IOException e) {
                            throw new AssertionError(e);
                        }
                    }
                }));

        assertTrue(deleted.get(), "the file was deleted during the upload");
        assertEquals("SD-SOURCE-MISSING", failure.errorCode());
        assertTrue(failure.getMessage().contains(READ_ADVICE), failure.getMessage());
        assertNothingStored();
    }

    @Test
    void readErrorAlsoAsRoot() {
        // Reading /proc/self/mem from offset 0 fails with EIO whatever the permissions, because address
        // 0 is never mapped, so this case runs as root too.
        Path failing = Path.of("/proc/self/mem");
        assumeTrue(Files.isRegularFile(failing), "Linux /proc");

        SealDropException failure = assertThrows(SealDropException.class,
                () -> services.documents().upload(failing, null, TransferListener.NONE));

        assertEquals("SD-SOURCE-UNREADABLE", failure.errorCode());
        assertTrue(failure.getMessage().contains("could not be read"), failure.getMessage());
        assertTrue(failure.getMessage().contains(READ_ADVICE), failure.getMessage());
        assertNothingStored();
    }

    @Test
    void folderPassedAsFileIsRejected() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("scans"));

        SealDropException failure = assertThrows(SealDropException.class,
                () -> services.documents().upload(folder, null, TransferListener.NONE));

        assertEquals("SD-SOURCE-NOT-FILE", failure.errorCode());
        assertTrue(failure.getMessage().contains("is not a regular file"), failure.getMessage());
        assertNothingStored();
    }

    @Test
    void fileWithoutReadPermission() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads files without read permission");
        assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path scan = Files.write(temp.resolve("locked.pdf"), new byte[1000]);
        Files.setPosixFilePermissions(scan, PosixFilePermissions.fromString("---------"));

        SealDropException failure = assertThrows(SealDropException.class,
                () -> services.documents().upload(scan, null, TransferListener.NONE));

        assertEquals("SD-SOURCE-UNREADABLE", failure.errorCode());
        assertTrue(failure.getMessage().contains("cannot be read with your permissions"), failure.getMessage());
        assertNothingStored();
    }

    private void assertNothingStored() {
        assertEquals(List.of(), services.documents().list());
        try (ObjectStore bucket = environment.bucket()) {
            assertEquals(List.of(), bucket.list(TestEnvironment.PREFIX + "objects/"));
        }
    }

    private void assertFailureAudited(String code) {
        assertTrue(services.flushAudit(Duration.ofSeconds(10)));
        assertTrue(environment.receivedEvents().stream().anyMatch(event -> event.get("action").asText().equals("upload")
                && event.get("outcome").asText().equals("failure")
                && event.get("reason").asText().equals(code)));
    }
}
