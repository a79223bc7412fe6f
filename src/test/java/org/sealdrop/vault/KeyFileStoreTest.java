package org.sealdrop.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;

/** Atomic replacement of the home folder's key file. */
class KeyFileStoreTest {

    @TempDir
    Path temp;

    @Test
    void writeReplacesTheFileAndLeavesNoTemporaryFile() throws Exception {
        Path file = temp.resolve("keyfile.json");
        KeyFileStore.write(file, "first".getBytes(StandardCharsets.UTF_8));
        KeyFileStore.write(file, "second".getBytes(StandardCharsets.UTF_8));

        assertEquals("second", Files.readString(file));
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void writeCreatesTheHomeFolder() throws Exception {
        Path file = temp.resolve("new-home").resolve("keyfile.json");
        KeyFileStore.write(file, "content".getBytes(StandardCharsets.UTF_8));
        assertEquals("content", Files.readString(file));
    }

    @Test
    void failedRenameKeepsTheOldContentAndRemovesTheTemporaryFile() throws Exception {
        Path target = Files.createDirectory(temp.resolve("keyfile.json"));
        Files.writeString(target.resolve("inside"), "old");

        SealDropException e = assertThrows(SealDropException.class,
                () -> KeyFileStore.write(target, "new".getBytes(StandardCharsets.UTF_8)));

        assertEquals("SD-KEYFILE-WRITE", e.errorCode());
        assertArrayEquals("old".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target.resolve("inside")));
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void readOfMissingFileIsEmpty() {
        assertTrue(KeyFileStore.read(temp.resolve("missing.json")).isEmpty());
    }

    @Test
    void readOfMalformedFileNamesThePath() throws Exception {
        Path file = Files.writeString(temp.resolve("keyfile.json"), "{\"format\":\"sealdrop-keyfile\",\"version\":2}");
        SealDropException e = assertThrows(SealDropException.class, () -> KeyFileStore.read(file));
        assertEquals("SD-KEYFILE-INVALID", e.errorCode());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}
