package org.sealdrop.app;

import org.sealdrop.testsupport.ManagedFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 300 MiB document uploaded with 8 MiB parts, two at a time, and exported again in a JVM limited to
 * 64 MiB of heap. A separate JVM is the only way to impose the limit: an upload whose memory grew with
 * the document would fail there for certain with OutOfMemoryError, while measuring heap use inside this
 * JVM would depend on when the collector runs.
 */
class LowHeapUploadTest {

    @TempDir
    Path temp;

    @Test
    void threeHundredMiBRoundTripIn64MiBOfHeap() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx64m", "-Daws.disableEc2Metadata=true", ManagedFile.forkArgument(),
                "-cp", System.getProperty("java.class.path"), LowHeapUpload.class.getName(), temp.toString(), "300", "8",
                "2"))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }

        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("same SHA-256 after 314572800 bytes"), output);
    }
}
