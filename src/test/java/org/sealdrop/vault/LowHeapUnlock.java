package org.sealdrop.vault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Unlocks a key file twice at the same moment, on two threads, and prints the outcome. {@link LowHeapUnlockTest}
 * runs it in a separate JVM with a small heap, because a heap limit cannot be set inside a running JVM.
 *
 * <p>Arguments: the key file and a file whose first line is the passphrase. Exit status 0 when both
 * unlocks succeeded, 3 on any failure, with the failure's class on standard output.
 */
public final class LowHeapUnlock {

    private LowHeapUnlock() {
    }

    public static void main(String[] args) {
        try {
            KeyFile file = KeyFile.parse(Files.readAllBytes(Path.of(args[0])), args[0]);
            char[] passphrase = Files.readAllLines(Path.of(args[1])).get(0).toCharArray();
            VaultKeyFiles keyFiles = new VaultKeyFiles(new SecureRandom(), Clock.systemUTC(), Argon2Settings.DEFAULT);
            Callable<Integer> unlock = () -> {
                try (VaultKeys keys = keyFiles.unlock(file, passphrase.clone())) {
                    return keys.currentVersion();
                }
            };
            ExecutorService threads = Executors.newFixedThreadPool(2);
            Future<Integer> first = threads.submit(unlock);
            Future<Integer> second = threads.submit(unlock);
            System.out.println("unlocked versions " + first.get() + " and " + second.get() + " with max heap "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
            threads.shutdown();
            System.exit(0);
        } catch (Throwable e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            System.out.println("failed: " + cause.getClass().getName());
            System.exit(3);
        }
    }
}
