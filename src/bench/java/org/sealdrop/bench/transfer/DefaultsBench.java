package org.sealdrop.bench.transfer;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.sealdrop.app.DocumentService;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.TransferListener;
import org.sealdrop.bench.Machine;
import org.sealdrop.config.ManagedSettings;
import org.sealdrop.config.Settings;
import org.sealdrop.testsupport.FaultProxy;
import org.sealdrop.testsupport.SettingsCopies;
import org.sealdrop.testsupport.TestEnvironment;

/**
 * SealDrop upload time over a grid of part size × parallelism, against S3Proxy on 127.0.0.1 and once
 * more through a relay that delays every response, as a link with a long round trip does. Every
 * round runs the whole grid, and each time is divided by the time of the current default (8 MiB, 4
 * parts at a time) in the same round. Writes {@code defaults.md}.
 *
 * <p>System properties: {@code bench.quick=true} (32 MiB, a smaller grid, one round) and
 * {@code bench.rounds} (default 2).
 */
public final class DefaultsBench {

    private static final int[] PART_SIZES_MIB = {5, 8, 16, 32, 64};
    private static final int[] PARALLELISM = {1, 2, 4, 8};
    private static final String BASELINE = "8 MiB × 4";
    /** Added to every S3 response in the round-trip curve. */
    private static final Duration RESPONSE_DELAY = Duration.ofMillis(100);

    private DefaultsBench() {
    }

    public static void main(String[] args) throws IOException {
        Path reports = Files.createDirectories(Path.of(args[0]));
        boolean quick = Boolean.getBoolean("bench.quick");
        int rounds = Integer.getInteger("bench.rounds", quick ? 1 : 2);
        long size = (quick ? 32 : 256) * BenchData.MIB;
        long delayedSize = (quick ? 16 : 64) * BenchData.MIB;
        Path work = reports.resolveSibling("bench-defaults-work");
        BenchData.deleteTree(work);
        System.setProperty(ManagedSettings.PATH_PROPERTY, work.resolve("no-managed-settings.json").toString());

        StringBuilder report = new StringBuilder(Machine.reportHeader("Part size and parallelism",
                "mvn -B -o -Pbench verify -Dbench=defaults" + (quick ? " -Dbench.quick=true" : "")));
        String loadAtStart = LoadAverage.now();
        try (TestEnvironment environment = TestEnvironment.startOnDisk(work.resolve("env"), work.resolve("s3"));
                FaultProxy delayed = FaultProxy.inFrontOf(environment.s3().endpoint(), RESPONSE_DELAY)) {
            delayed.inject(FaultProxy.Fault.DELAY_RESPONSE, ".", 1, Integer.MAX_VALUE);
            LocalServices services = environment.services();
            Settings original = services.settings().orElseThrow();
            Path source = BenchData.randomFile(work.resolve("source.bin"), size, 7);

            Samples loopback = grid(services, original, original.endpoint(), source, PART_SIZES_MIB, rounds);
            Path delayedSource = BenchData.randomFile(work.resolve("delayed.bin"), delayedSize, 8);
            Samples roundTrip = grid(services, original, delayed.endpoint(), delayedSource,
                    new int[] {5, 8, 16}, rounds);
            services.reconfigure(original);

            report.append("Upload of one file through `DocumentService.upload` (encrypt, upload, index row and audit"
                    + " event); multipart threshold " + original.multipartThresholdMiB() + " MiB. " + rounds
                    + " rounds of the whole grid, after one untimed upload. Memory is part size × (parallelism + 1),"
                    + " the part buffers of one upload. Load average (1 min) " + loadAtStart + " at the start and "
                    + LoadAverage.now() + " at the end.\n\n")
                    .append("### ").append(size / BenchData.MIB).append(" MiB, S3Proxy on 127.0.0.1\n\n")
                    .append(loopback.table("part size × parallelism", size)).append('\n')
                    .append(memoryTable())
                    .append("\n### ").append(delayedSize / BenchData.MIB).append(" MiB, every response delayed by ")
                    .append(RESPONSE_DELAY.toMillis()).append(" ms\n\n")
                    .append(roundTrip.table("part size × parallelism", delayedSize)).append('\n');
        } finally {
            BenchData.deleteTree(work);
        }
        Files.writeString(reports.resolve("defaults.md"), report, StandardCharsets.UTF_8);
        System.out.print(report);
    }

    private static Samples grid(LocalServices services, Settings original, URI endpoint, Path source,
            int[] partSizes, int rounds) {
        Samples samples = new Samples(BASELINE);
        DocumentService documents = services.documents();
        services.reconfigure(SettingsCopies.of(original).endpoint(endpoint).build());
        documents.delete(documents.upload(source, null, TransferListener.NONE).id());
        for (int round = 1; round <= rounds; round++) {
            for (int partSize : partSizes) {
                for (int parallelism : PARALLELISM) {
                    services.reconfigure(SettingsCopies.of(original).endpoint(endpoint)
                            .parts(partSize, original.multipartThresholdMiB()).uploadParallelism(parallelism).build());
                    System.out.printf("round %d/%d, %s, %d MiB × %d (load average %s)%n", round, rounds, endpoint,
                            partSize, parallelism, LoadAverage.now());
                    long start = System.nanoTime();
                    var uploaded = documents.upload(source, null, TransferListener.NONE);
                    samples.add(partSize + " MiB × " + parallelism, (System.nanoTime() - start) / 1e9);
                    documents.delete(uploaded.id());
                }
            }
        }
        return samples;
    }

    private static String memoryTable() {
        StringBuilder out = new StringBuilder("Part buffers per upload (MiB), part size × (parallelism + 1):\n\n"
                + "| part size | × 1 | × 2 | × 4 | × 8 |\n| ---: | ---: | ---: | ---: | ---: |\n");
        for (int partSize : PART_SIZES_MIB) {
            out.append("| ").append(partSize).append(" MiB |");
            for (int parallelism : PARALLELISM) {
                out.append(String.format(Locale.ROOT, " %d |", partSize * (parallelism + 1)));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
