package org.sealdrop.bench.crypto;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The {@code crypto} suite: encrypt and decrypt throughput of SealDrop's object format, the S3
 * Encryption Client and cryptolib, each as a ratio to raw JDK AES-256-GCM measured in the same round.
 *
 * <p>The machine is shared, so absolute rates drift from minute to minute. The suite therefore runs
 * in rounds, with one JMH fork per benchmark and round. Within a round, each operation and size runs
 * the libraries one after another. Odd rounds start with raw GCM and even rounds end with it, so a
 * drifting load favours no library on average. Each rate is divided by the raw GCM rate of its own
 * round.
 *
 * <p>Settings: the system property {@code bench.quick=true} runs one round with very short
 * iterations, to check the harness; {@code bench.rounds} (default 2) sets the number of rounds. The
 * bench profile passes both from Maven's command line to this process.
 */
public final class CryptoBench {

    static final String COMMAND = "mvn -B -o -Pbench verify -Dbench=crypto";
    static final int WARMUP_ITERATIONS = 3;
    static final int MEASUREMENT_ITERATIONS = 4;

    private static final int MIB = 1024 * 1024;
    private static final List<Integer> SIZES = List.of(64 * MIB, MIB);

    private CryptoBench() {
    }

    /**
     * Runs the suite and writes {@code crypto.md} into the folder {@code args[0]}.
     *
     * @throws RunnerException when JMH fails to run a benchmark or a benchmark throws
     * @throws IOException when the report cannot be written
     */
    public static void main(String[] args) throws RunnerException, IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("Usage: CryptoBench REPORT_FOLDER");
        }
        Path reports = Files.createDirectories(Path.of(args[0]));
        boolean quick = Boolean.getBoolean("bench.quick");
        int rounds = quick ? 1 : Integer.getInteger("bench.rounds", 2);

        CryptoReport report = new CryptoReport(quick ? COMMAND + " -Dbench.quick=true" : COMMAND, settings(quick, rounds));
        for (int round = 1; round <= rounds; round++) {
            String loadBefore = loadAverage();
            List<RunResult> results = new ArrayList<>();
            for (String benchmark : plan(round)) {
                String[] nameAndSize = benchmark.split("@");
                results.addAll(new Runner(options(quick, nameAndSize[0], nameAndSize[1]).build()).run());
            }
            report.addRound(loadBefore, loadAverage(), results);
        }

        Path file = reports.resolve("crypto.md");
        Files.writeString(file, report.markdown(), StandardCharsets.UTF_8);
        System.out.println("Wrote " + file);
    }

    /**
     * Returns the runs of one round as {@code Class.method@size}: per size and operation, the
     * libraries in turn, reversed in even rounds. At 64 MiB the reference rows run next to the
     * SealDrop row they take apart, so they stay close in time to their baseline.
     */
    static List<String> plan(int round) {
        List<String> runs = new ArrayList<>();
        for (int size : SIZES) {
            boolean large = size == SIZES.get(0);
            for (String operation : List.of("encrypt", "decrypt")) {
                List<String> order = new ArrayList<>();
                order.add("RawGcmBench." + operation);
                order.add("SealDropBench." + operation);
                if (large) {
                    order.addAll(operation.equals("encrypt")
                            ? List.of("SealDropBench.encryptParts", "Sha256Bench.hash")
                            : List.of("SealDropBench.decryptChunks"));
                }
                order.add("S3EncryptionClientBench." + operation);
                order.add("CryptolibBench." + operation);
                if (round % 2 == 0) {
                    Collections.reverse(order);
                }
                order.forEach(benchmark -> runs.add(benchmark + "@" + size));
            }
        }
        return runs;
    }

    private static ChainedOptionsBuilder options(boolean quick, String benchmark, String size) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(CryptoBench.class.getPackageName() + "." + benchmark) + "$")
                .param("size", size)
                .mode(Mode.Throughput)
                .timeUnit(TimeUnit.SECONDS)
                .forks(1)
                .threads(1)
                // A fixed heap keeps collector sizing out of the comparison; 64 MiB payloads need room.
                .jvmArgs("-Xms2g", "-Xmx2g", "-Daws.disableEc2Metadata=true")
                .shouldFailOnError(true);
        if (quick) {
            return options.warmupIterations(1).warmupTime(TimeValue.milliseconds(300))
                    .measurementIterations(2).measurementTime(TimeValue.milliseconds(300));
        }
        // JitWarmUp has compiled the JDK's GCM and SHA-256 code already, so these iterations only
        // need to compile each library's own code.
        return options.warmupIterations(WARMUP_ITERATIONS).warmupTime(TimeValue.seconds(1))
                .measurementIterations(MEASUREMENT_ITERATIONS).measurementTime(TimeValue.seconds(1));
    }

    private static String settings(boolean quick, int rounds) {
        if (quick) {
            return "quick check of the harness: 1 round, 1 warm-up and 2 measurement iterations of 0.3 s; "
                    + "the rates mean nothing";
        }
        return String.format(Locale.ROOT, "JMH 1.37, Mode.Throughput, %d rounds, one fork per benchmark and "
                + "round, %d warm-up and %d measurement iterations of 1 s, 1 thread, heap 2 GiB", rounds,
                WARMUP_ITERATIONS, MEASUREMENT_ITERATIONS);
    }

    /** Returns the 1, 5 and 15 minute load averages from {@code /proc/loadavg}, or the JVM's 1 minute figure. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return String.join(" ", fields[0], fields[1], fields[2]);
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
