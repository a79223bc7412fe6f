package org.sealdrop.vault;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.sealdrop.crypto.Argon2Parameters;
import org.sealdrop.crypto.PassphraseKdf;
import org.sealdrop.crypto.SecretKeyBytes;

/**
 * Times Argon2id (Bouncy Castle, through {@link PassphraseKdf}) for a table of settings and prints
 * the median of several runs per setting as a Markdown table: wall-clock time, and the CPU time of
 * the deriving thread, which other processes on a busy machine disturb less. Bouncy Castle derives
 * on the calling thread only, so on an idle machine the two agree. It is a benchmark, not a test: run
 * it by hand on the machine to be measured, with the test classpath, for example:
 *
 * <pre>
 * mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp target/test-classes:target/classes:$(cat cp.txt) org.sealdrop.vault.Argon2Benchmark 7
 * </pre>
 *
 * <p>The argument is the number of timed runs per setting (default 7); one untimed run per setting
 * comes first so that the JIT has compiled Bouncy Castle's compression function. An unlock in the
 * application is usually the first derivation of its JVM, so {@code cold MEMORY_MIB PASSES} times just
 * that one derivation; run it in several fresh JVMs.
 */
public final class Argon2Benchmark {

    private static final int[][] SETTINGS = {
        // memory MiB, passes, lanes
        {19, 2, 1}, {32, 3, 1}, {46, 1, 1}, {64, 1, 1}, {64, 2, 1}, {64, 3, 1}, {64, 3, 2}, {64, 4, 1},
        {96, 3, 1}, {128, 2, 1}, {128, 3, 1}, {256, 2, 1},
    };

    private Argon2Benchmark() {
    }

    public static void main(String[] args) {
        char[] passphrase = "benchmark passphrase, not a secret".toCharArray();
        byte[] salt = new byte[16];
        if (args.length == 3 && args[0].equals("cold")) {
            Argon2Parameters parameters = new Argon2Parameters(Integer.parseInt(args[1]) * 1024, Integer.parseInt(args[2]), 1, salt);
            long start = System.nanoTime();
            derive(passphrase, parameters);
            System.out.printf("cold | %s MiB | %s | %d ms%n", args[1], args[2], (System.nanoTime() - start) / 1_000_000);
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;

        System.out.printf("JVM %s, %d processors, max heap %d MiB%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.println("| memory | passes | lanes | wall median ms | wall min ms | wall max ms | CPU median ms |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (int[] setting : SETTINGS) {
            Argon2Parameters parameters = new Argon2Parameters(setting[0] * 1024, setting[1], setting[2], salt);
            derive(passphrase, parameters);

            long[] wall = new long[runs];
            long[] cpu = new long[runs];
            for (int i = 0; i < runs; i++) {
                long startCpu = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                derive(passphrase, parameters);
                wall[i] = (System.nanoTime() - start) / 1_000_000;
                cpu[i] = (threads.getCurrentThreadCpuTime() - startCpu) / 1_000_000;
            }
            Arrays.sort(wall);
            Arrays.sort(cpu);
            System.out.printf("| %d MiB | %d | %d | %d | %d | %d | %d |%n", setting[0], setting[1], setting[2],
                    wall[runs / 2], wall[0], wall[runs - 1], cpu[runs / 2]);
        }
    }

    private static void derive(char[] passphrase, Argon2Parameters parameters) {
        try (SecretKeyBytes key = PassphraseKdf.deriveKey(passphrase, parameters)) {
            key.bytes();
        }
    }
}
