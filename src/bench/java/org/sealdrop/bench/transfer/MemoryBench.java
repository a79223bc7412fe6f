package org.sealdrop.bench.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.sealdrop.auditserver.AuditServer;
import org.sealdrop.bench.Machine;
import org.sealdrop.config.ManagedSettings;
import org.sealdrop.demo.EmbeddedS3;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * Peak heap and peak resident memory of a SealDrop upload and export of 64 MiB, 256 MiB and 1 GiB,
 * each in a fresh JVM started with the launcher's JVM options ({@link LauncherOptions}: the
 * {@code --java-options} of {@code packaging/jpackage.options}, such as its heap limit). Writes
 * {@code memory.md}.
 *
 * <p>{@code bench.quick=true} measures 16 MiB and 64 MiB only.
 */
public final class MemoryBench {

    private MemoryBench() {
    }

    public static void main(String[] args) throws Exception {
        Path reports = Files.createDirectories(Path.of(args[0]));
        boolean quick = Boolean.getBoolean("bench.quick");
        List<Integer> sizesMiB = quick ? List.of(16, 64) : List.of(64, 256, 1024);
        Path work = reports.resolveSibling("bench-memory-work");
        BenchData.deleteTree(work);
        Files.createDirectories(work);

        StringBuilder report = new StringBuilder(Machine.reportHeader("Memory",
                "mvn -B -o -Pbench verify -Dbench=memory" + (quick ? " -Dbench.quick=true" : "")));
        String loadAtStart = LoadAverage.now();
        List<String> rows = new ArrayList<>();
        SecureRandom random = new SecureRandom();
        AwsBasicCredentials credentials = AwsBasicCredentials.create("SD" + HexFormat.of().formatHex(randomBytes(random, 9)),
                HexFormat.of().formatHex(randomBytes(random, 30)));
        Path tokenFile = work.resolve("audit.token");
        String token = "bench-" + HexFormat.of().formatHex(randomBytes(random, 16));
        Files.writeString(tokenFile, token + "\n", StandardCharsets.US_ASCII);

        try (EmbeddedS3 s3 = EmbeddedS3.start(work.resolve("s3"), "sealdrop-bench", 0, credentials);
                AuditServer receiver = AuditServer.start(new InetSocketAddress("127.0.0.1", 0),
                        work.resolve("events.db"), Set.of(token))) {
            for (int sizeMiB : sizesMiB) {
                Path source = BenchData.randomFile(work.resolve("source.bin"), sizeMiB * BenchData.MIB, sizeMiB);
                String result = probe(work.resolve("case-" + sizeMiB), source, s3, receiver, tokenFile, credentials);
                rows.add(row(sizeMiB, result));
                BenchData.deleteQuietly(source);
                System.out.println(sizeMiB + " MiB: " + result);
            }
        } finally {
            BenchData.deleteTree(work);
        }

        report.append("Each size runs in a new JVM with the JVM options of the installed launcher "
                + LauncherOptions.read() + " (from " + LauncherOptions.FILE + "). S3Proxy and the audit"
                + " receiver run in the parent JVM. Peaks are reset after the vault is unlocked (System.gc, then"
                + " the kernel's VmHWM). Peak heap is the largest heap in use sampled every millisecond, garbage"
                + " not yet collected included. After GC is the largest heap in use right after a collection during"
                + " the step (close to the data the step kept alive), or - when no collection ran. Load average (1 min) " + loadAtStart + " at the start and " + LoadAverage.now()
                + " at the end.\n\n")
                .append("All figures in MiB.\n\n| file | heap after unlock | upload: peak heap | upload: after GC"
                        + " | upload: peak RSS | export: peak heap | export: after GC | export: peak RSS | max heap |\n"
                        + "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        rows.forEach(report::append);
        Files.writeString(reports.resolve("memory.md"), report, StandardCharsets.UTF_8);
        System.out.print(report);
    }

    /** Runs {@link MemoryProbe} in a new JVM and returns its RESULT line without the word RESULT. */
    private static String probe(Path folder, Path source, EmbeddedS3 s3, AuditServer receiver, Path tokenFile,
            AwsBasicCredentials credentials) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Files.createDirectories(folder);
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(LauncherOptions.read());
        command.addAll(List.of("-Daws.disableEc2Metadata=true",
                "-D" + ManagedSettings.PATH_PROPERTY + "=" + folder.resolve("no-managed-settings.json"),
                "-cp", System.getProperty("java.class.path"), MemoryProbe.class.getName(),
                folder.resolve("home").toString(), source.toString(), s3.endpoint().toString(), s3.bucket(),
                receiver.baseUrl().toString(), tokenFile.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .start();
        try (OutputStream in = process.getOutputStream()) {
            in.write((credentials.accessKeyId() + "\n" + credentials.secretAccessKey() + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("The memory probe failed:\n" + output);
        }
        return output.lines().filter(line -> line.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("The memory probe printed no result:\n" + output))
                .substring("RESULT ".length());
    }

    /** Turns "idle H G R upload H G R export H G R maxHeap M" into a table row. */
    private static String row(int sizeMiB, String result) {
        String[] f = result.split(" ");
        return "| " + sizeMiB + " MiB | " + f[1] + " | " + f[5] + " | " + f[6] + " | " + f[7] + " | " + f[9] + " | "
                + f[10] + " | " + f[11] + " | " + f[13] + " |\n";
    }

    private static byte[] randomBytes(SecureRandom random, int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
