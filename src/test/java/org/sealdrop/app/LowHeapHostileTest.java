package org.sealdrop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.testsupport.ManagedFile;

/**
 * Endless S3 bodies that declare 10 GiB, for the key file, an object, a header, a listing and an
 * error, in a JVM limited to 128 MiB of heap. A separate JVM is the only way to impose the limit: a
 * read whose memory grew with the body fails there with OutOfMemoryError for certain.
 */
class LowHeapHostileTest {

    @TempDir
    Path temp;

    @Test
    void endlessBodiesFailCleanlyIn128MiBOfHeap() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx128m", "-Daws.disableEc2Metadata=true",
                ManagedFile.forkArgument(), "-cp", System.getProperty("java.class.path"), LowHeapHostile.class.getName(),
                temp.toString()))
                .redirectErrorStream(true)
                .start();
        // The output is read on another thread, so a child that hangs fails the test at the timeout.
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process));
        boolean exited = process.waitFor(3, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly().waitFor();
        }

        assertTrue(exited, "the child ran longer than 3 minutes: " + output.join());
        assertFalse(output.join().contains("OutOfMemoryError"), output.join());
        assertEquals(0, process.exitValue(), output.join());
    }

    private static String readAll(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "output unreadable: " + e;
        }
    }
}
