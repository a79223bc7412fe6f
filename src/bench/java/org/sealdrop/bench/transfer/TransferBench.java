package org.sealdrop.bench.transfer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sealdrop.bench.Machine;
import org.sealdrop.config.ManagedSettings;
import org.sealdrop.config.Settings;
import org.sealdrop.testsupport.TestEnvironment;

/**
 * Upload and download end to end against one S3Proxy on 127.0.0.1 (filesystem blob store under
 * {@code target/}): the plain SDK, the S3 Encryption Client v4 and SealDrop, interleaved round by
 * round, for one large file and for 100 files of 1 MiB. Writes {@code transfer.md}.
 *
 * <p>System properties: {@code bench.quick=true} (64 MiB and 10 files, one round, for a harness
 * check) and {@code bench.rounds} (default 3, about 15 minutes on a shared 2-core machine).
 */
public final class TransferBench {

    private TransferBench() {
    }

    /** One set of source files, uploaded and downloaded as a whole by each contender. */
    private record Case(String name, List<Path> files, long bytes, List<String> hashes) {
    }

    public static void main(String[] args) throws IOException {
        Path reports = Files.createDirectories(Path.of(args[0]));
        boolean quick = Boolean.getBoolean("bench.quick");
        int rounds = Integer.getInteger("bench.rounds", quick ? 1 : 3);
        long largeSize = quick ? 64 * BenchData.MIB : 1024 * BenchData.MIB;
        int smallCount = quick ? 10 : 100;
        Path work = reports.resolveSibling("bench-transfer-work");
        BenchData.deleteTree(work);
        System.setProperty(ManagedSettings.PATH_PROPERTY, work.resolve("no-managed-settings.json").toString());

        String header = Machine.reportHeader("Upload and download",
                "mvn -B -o -Pbench verify -Dbench=transfer" + (quick ? " -Dbench.quick=true" : ""));
        String loadAtStart = LoadAverage.now();
        StringBuilder report = new StringBuilder(header);
        try (TestEnvironment environment = TestEnvironment.startOnDisk(work.resolve("env"), work.resolve("s3"))) {
            Settings settings = environment.services().settings().orElseThrow();
            List<Case> cases = List.of(
                    sourceCase(largeSize / BenchData.MIB + " MiB, one file",
                            List.of(BenchData.randomFile(work.resolve("large.bin"), largeSize, 42))),
                    sourceCase(smallCount + " × 1 MiB",
                            BenchData.randomFiles(work.resolve("small"), smallCount, BenchData.MIB)));

            List<Contender> contenders = contenders(environment, settings);
            try {
                warmUp(contenders, cases, work);
                Map<String, Samples> samples = measure(contenders, cases, rounds, work);
                report.append(describe(settings, rounds, loadAtStart));
                for (Case source : cases) {
                    report.append("### ").append(source.name()).append("\n\n");
                    for (String direction : List.of("upload", "download")) {
                        report.append(direction).append(":\n\n")
                                .append(samples.get(source.name() + " " + direction).table("contender", source.bytes()))
                                .append('\n');
                    }
                }
            } finally {
                contenders.forEach(Contender::close);
            }
        } finally {
            BenchData.deleteTree(work);
        }
        Files.writeString(reports.resolve("transfer.md"), report, StandardCharsets.UTF_8);
        System.out.print(report);
    }

    private static List<Contender> contenders(TestEnvironment environment, Settings settings) {
        var s3 = environment.s3();
        return List.of(
                new PlainSdkContender(s3.endpoint(), s3.credentials(), s3.bucket(),
                        settings.multipartThresholdMiB() * BenchData.MIB, (int) (settings.partSizeMiB() * BenchData.MIB),
                        settings.uploadParallelism()),
                new EncryptionClientContender(s3.endpoint(), s3.credentials(), s3.bucket()),
                new SealDropContender(environment.services().documents()));
    }

    private static Case sourceCase(String name, List<Path> files) throws IOException {
        long bytes = 0;
        List<String> hashes = new ArrayList<>();
        for (Path file : files) {
            bytes += Files.size(file);
            hashes.add(BenchData.sha256(file));
        }
        return new Case(name, files, bytes, hashes);
    }

    /**
     * Runs one untimed round of every case, so the JIT has compiled each contender's code path. The
     * small files alone are too few: SealDrop's AES-GCM ran in the JIT's slow path for most of the first
     * 1 GiB upload after them, because a 64 KiB chunk is one call and compilation needs thousands.
     */
    private static void warmUp(List<Contender> contenders, List<Case> cases, Path work) {
        for (Case source : cases) {
            for (Contender contender : contenders) {
                roundTrip(contender, source, work, new Samples(contender.name()), new Samples(contender.name()));
            }
        }
    }

    /** Runs every contender on every case, round after round, in the order plain, S3EC, SealDrop. */
    private static Map<String, Samples> measure(List<Contender> contenders, List<Case> cases, int rounds, Path work) {
        Map<String, Samples> samples = new LinkedHashMap<>();
        String baseline = contenders.get(0).name();
        for (Case source : cases) {
            samples.put(source.name() + " upload", new Samples(baseline));
            samples.put(source.name() + " download", new Samples(baseline));
        }
        for (int round = 1; round <= rounds; round++) {
            for (Case source : cases) {
                for (Contender contender : contenders) {
                    System.out.printf("round %d/%d, %s, %s (load average %s)%n", round, rounds, source.name(),
                            contender.name(), LoadAverage.now());
                    roundTrip(contender, source, work, samples.get(source.name() + " upload"),
                            samples.get(source.name() + " download"));
                }
            }
        }
        return samples;
    }

    /** Uploads then downloads every file of the case, timing each direction; checks and deletes untimed. */
    private static void roundTrip(Contender contender, Case source, Path work, Samples uploads, Samples downloads) {
        List<String> handles = new ArrayList<>();
        long start = System.nanoTime();
        for (Path file : source.files()) {
            handles.add(contender.upload(file));
        }
        uploads.add(contender.name(), (System.nanoTime() - start) / 1e9);

        Path out = work.resolve("out");
        BenchData.deleteTree(out);
        List<Path> targets = new ArrayList<>();
        start = System.nanoTime();
        for (int i = 0; i < handles.size(); i++) {
            Path target = out.resolve("copy-" + i + ".bin");
            if (i == 0) {
                createFolder(out);
            }
            contender.download(handles.get(i), target);
            targets.add(target);
        }
        downloads.add(contender.name(), (System.nanoTime() - start) / 1e9);

        for (int i = 0; i < targets.size(); i++) {
            BenchData.requireSame(source.hashes().get(i), targets.get(i), contender.name() + " " + source.name());
            contender.delete(handles.get(i));
        }
        BenchData.deleteTree(out);
    }

    private static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String describe(Settings settings, int rounds, String loadAtStart) {
        return "SealDrop settings: part size " + settings.partSizeMiB() + " MiB, " + settings.uploadParallelism()
                + " parts at a time, multipart above " + settings.multipartThresholdMiB() + " MiB; the plain SDK run"
                + " uses the same. " + rounds + " rounds after one untimed warm-up round of both cases."
                + " Load average (1 min) " + loadAtStart + " at the start and " + LoadAverage.now() + " at the end.\n\n";
    }
}
