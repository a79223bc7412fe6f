package org.sealdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.testsupport.CanaryDocuments;
import org.sealdrop.testsupport.CanaryScanner;
import org.sealdrop.testsupport.CliRun;
import org.sealdrop.testsupport.ForkedCli;
import org.sealdrop.testsupport.ManagedFile;

/**
 * The demo folder holds no patient information in clear: {@code sealdrop demo --no-window} runs its
 * store and receiver, the command line uploads, lists and exports documents whose names, patient
 * reference and contents carry a canary, every process logs at DEBUG into the demo's home folder, and
 * afterwards no file below the demo folder contains the canary in any form {@link CanaryScanner} searches for.
 */
class DemoCanaryTest {

    private static final Duration DEMO_START = Duration.ofMinutes(3);

    @TempDir
    Path temp;

    @Test
    void demoFolderHoldsNoCanary() throws Exception {
        Instant start = Instant.now();
        CanaryScanner scanner = new CanaryScanner(CanaryScanner.newCanary());
        List<Path> sources = CanaryDocuments.write(temp.resolve("sources"), scanner.canary());
        Path demoFolder = temp.resolve("demo");
        Path debugLogging = writeDebugLogging();
        Path passphrase = Files.writeString(temp.resolve("demo-passphrase.txt"), DemoCommand.DEMO_PASSPHRASE);
        ForkedCli cli = ForkedCli.plain().withJvmOptions(
                "-Duser.home=" + temp.resolve("user-home"), ManagedFile.forkArgument(),
                "-Daws.accessKeyId=" + DemoCommand.DEMO_ACCESS_KEY, "-Daws.secretAccessKey=" + DemoCommand.DEMO_SECRET_KEY,
                "-Dlogback.configurationFile=" + debugLogging);
        String home = demoFolder.resolve("home").toString();

        Process demo = startDemo(demoFolder, debugLogging);
        Path export = temp.resolve("exported.pdf");
        try {
            List<String> upload = new ArrayList<>(List.of("--home", home, "upload", "--patient",
                    "MRN " + scanner.canary(), "--passphrase-file", passphrase.toString()));
            sources.forEach(source -> upload.add(source.toString()));
            CliRun uploaded = cli.run(upload.toArray(String[]::new));
            assertEquals(0, uploaded.exitCode(), uploaded::toString);
            String pdfId = uploaded.out().lines().filter(line -> line.contains(".pdf")).findFirst()
                    .orElseThrow(() -> new AssertionError("no PDF row in " + uploaded.out())).split("\t")[0];

            CliRun listed = cli.run("--home", home, "list", "--passphrase-file", passphrase.toString());
            assertEquals(0, listed.exitCode(), listed::toString);
            assertTrue(listed.out().contains(scanner.canary()), "the user sees the names: " + listed.out());

            CliRun exported = cli.run("--home", home, "export", pdfId, "--out", export.toString(),
                    "--passphrase-file", passphrase.toString());
            assertEquals(0, exported.exitCode(), exported::toString);
        } finally {
            demo.destroy();
            assertTrue(demo.waitFor(60, TimeUnit.SECONDS), "the demo stopped");
        }

        Path debugLog = demoFolder.resolve("home").resolve("logs").resolve("sealdrop-debug.log");
        assertTrue(Files.readString(debugLog, StandardCharsets.UTF_8).contains(" DEBUG "),
                "the commands logged at DEBUG into the demo's home folder");
        assertTrue(Files.size(export) > 0, "the export wrote the chosen file");
        // The demo process logs into the user's data folder, the commands into the demo's home folder.
        List<CanaryScanner.Hit> hits = new ArrayList<>(scanner.scanTree(demoFolder, path -> false, start));
        hits.addAll(scanner.scanTree(temp.resolve("user-home"), path -> false, start));
        assertEquals(List.of(), hits, "canary found in clear in the demo folder or the user's data folder");
    }

    private Process startDemo(Path demoFolder, Path debugLogging) throws IOException, InterruptedException {
        Path output = temp.resolve("demo-output.txt");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Duser.home=" + temp.resolve("user-home"),
                "-Daws.disableEc2Metadata=true", ManagedFile.forkArgument(),
                "-Dlogback.configurationFile=" + debugLogging,
                Main.class.getName(), "demo", "--no-window", "--data", demoFolder.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("XDG_"));
        Process demo = builder.start();

        // The demo prints "Stop the demo ..." once its store, receiver and vault are ready.
        Instant deadline = Instant.now().plus(DEMO_START);
        while (!Files.readString(output, StandardCharsets.UTF_8).contains("Stop the demo")) {
            assertTrue(demo.isAlive(), () -> "the demo ended early: " + readQuietly(output));
            assertTrue(Instant.now().isBefore(deadline), () -> "the demo did not start: " + readQuietly(output));
            Thread.sleep(200);
        }
        return demo;
    }

    /** Writes a logging set-up like the shipped one, with every logger of SealDrop and its HTTP stacks at DEBUG. */
    private Path writeDebugLogging() throws IOException {
        return Files.writeString(temp.resolve("logback-debug.xml"), """
                <configuration>
                  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                    <file>${sealdrop.logDir}/sealdrop-debug.log</file>
                    <encoder><pattern>%d %-5level [%thread] %logger - %msg%n</pattern></encoder>
                  </appender>
                  <logger name="org.sealdrop" level="DEBUG"/>
                  <logger name="software.amazon.awssdk" level="DEBUG"/>
                  <logger name="org.apache.http" level="DEBUG"/>
                  <root level="INFO"><appender-ref ref="FILE"/></root>
                </configuration>
                """);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
