package org.sealdrop.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unlocking with the production Argon2id cost in a JVM limited to 256 MiB of heap, two unlocks at
 * once. A separate JVM is the only way to impose the limit: measuring heap use inside this JVM would
 * depend on when the collector runs, while {@code -Xmx256m} fails for certain with OutOfMemoryError
 * when the unlocks need more. The second test shows that the check fails when the heap is too small.
 */
class LowHeapUnlockTest {

    @TempDir
    Path temp;

    private Path keyFile;
    private Path passphraseFile;

    @BeforeEach
    void writeKeyFile() throws IOException {
        VaultKeyFiles keyFiles = new VaultKeyFiles(new SecureRandom(), Clock.systemUTC(), Argon2Settings.DEFAULT);
        keyFile = Files.write(temp.resolve("keyfile.json"), keyFiles.create(VaultKeyFilesTest.PASSPHRASE.toCharArray())
                .keyFile().toJson());
        passphraseFile = Files.writeString(temp.resolve("passphrase.txt"), VaultKeyFilesTest.PASSPHRASE + "\n");
    }

    @Test
    void twoUnlocksSucceedIn256MiBOfHeap() throws Exception {
        Result result = runWithHeap("256m");
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().startsWith("unlocked versions 1 and 1"), result.output());
    }

    @Test
    void heapBelowTheArgon2MemoryFailsVisibly() throws Exception {
        Result result = runWithHeap(Argon2Settings.DEFAULT.memoryKiB() / 2 / 1024 + "m");
        assertEquals(3, result.exitCode(), result.output());
        assertTrue(result.output().contains("OutOfMemoryError"), result.output());
    }

    private Result runWithHeap(String maxHeap) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx" + maxHeap, "-cp",
                System.getProperty("java.class.path"), LowHeapUnlock.class.getName(), keyFile.toString(),
                passphraseFile.toString()))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {
    }
}
