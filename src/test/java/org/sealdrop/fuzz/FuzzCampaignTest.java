package org.sealdrop.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fuzzes every {@code @FuzzTest} for a fixed time, each in its own JVM, because Jazzer 0.24 fuzzes
 * only one fuzz test per JVM. Each run starts Jazzer's command-line driver on the test method with
 * coverage instrumentation limited to {@code org.sealdrop.**}, and first replays the method's inputs
 * in {@code src/test/resources/<package>/<Class>Inputs/<method>/} and its corpus.
 *
 * <p>Each target's folder under {@code target/fuzz/} (or {@code -Dsealdrop.fuzz.dir}) keeps the
 * generated corpus in {@code corpus/}, so a later run continues from it, any crashing input in
 * {@code findings/}, and Jazzer's output in {@code output.txt}. {@code -Dsealdrop.fuzz.seconds=600}
 * fuzzes every target for 10 minutes, and {@code -Dsealdrop.fuzz.only=ObjectFuzzTest.mutatedObject,...}
 * picks targets by name.
 */
class FuzzCampaignTest {

    /** The targets and their times in a normal build, about 100 s in all. */
    static final List<FuzzTarget> TARGETS = List.of(
            new FuzzTarget("org.sealdrop.crypto.ObjectFuzzTest", "objectBytes", 10),
            new FuzzTarget("org.sealdrop.crypto.ObjectFuzzTest", "mutatedObject", 15),
            new FuzzTarget("org.sealdrop.crypto.MetadataFuzzTest", "metadataPlaintext", 15),
            new FuzzTarget("org.sealdrop.vault.KeyFileFuzzTest", "keyFile", 15),
            new FuzzTarget("org.sealdrop.vault.KeyFileFuzzTest", "recoveryWrap", 10),
            new FuzzTarget("org.sealdrop.vault.KeyFileFuzzTest", "recoveryKeyText", 5),
            new FuzzTarget("org.sealdrop.auditserver.RequestFuzzTest", "eventBatch", 15),
            new FuzzTarget("org.sealdrop.auditserver.RequestFuzzTest", "queryAndToken", 5),
            new FuzzTarget("org.sealdrop.auditserver.ReceiverHttpFuzzTest", "httpRequest", 10));

    /** Time for a JVM to start, load Jazzer and replay the inputs, on top of the fuzzing time; generous for a loaded CI machine. */
    private static final int STARTUP_ALLOWANCE_SECONDS = 300;
    /** A single input that runs longer than this is reported as a hang. */
    private static final int INPUT_TIMEOUT_SECONDS = 30;
    private static final Pattern DONE = Pattern.compile("Done (\\d+) runs");

    @TestFactory
    Stream<DynamicTest> fuzzEachTarget() {
        Set<String> only = selectedNames();
        return TARGETS.stream()
                .filter(target -> only.isEmpty() || only.contains(target.name()))
                .map(target -> DynamicTest.dynamicTest(target.name(), () -> fuzz(target)));
    }

    private static void fuzz(FuzzTarget target) throws IOException, InterruptedException {
        Path folder = baseFolder().resolve(target.name()).toAbsolutePath();
        Path corpus = Files.createDirectories(folder.resolve("corpus"));
        Path findings = Files.createDirectories(folder.resolve("findings"));
        Path output = folder.resolve("output.txt");
        int seconds = Integer.getInteger("sealdrop.fuzz.seconds", target.seconds());
        Set<Path> earlierFindings = list(findings);

        ProcessBuilder jazzer = new ProcessBuilder(command(target, seconds, corpus, findings))
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        jazzer.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        jazzer.environment().remove("JAZZER_FUZZ");
        Process process = jazzer.start();
        if (!process.waitFor(seconds + STARTUP_ALLOWANCE_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail(target.name() + " did not finish within " + (seconds + STARTUP_ALLOWANCE_SECONDS)
                    + " s; see " + output + ".");
        }

        String log = Files.readString(output, StandardCharsets.UTF_8);
        Set<Path> newFindings = list(findings);
        newFindings.removeAll(earlierFindings);
        if (process.exitValue() != 0 || !newFindings.isEmpty()) {
            fail(target.name() + " found a failing input (exit code " + process.exitValue() + "), saved as "
                    + newFindings + ". Fix the cause, then copy the input to src/test/resources/"
                    + target.testClass().replace('.', '/') + "Inputs/" + target.method()
                    + "/ so every build replays it. Jazzer's output ends:\n" + tail(log, 60));
        }
        Matcher done = DONE.matcher(log);
        assertTrue(done.find(), target.name() + " ended without fuzzing; see " + output + ".");
        assertTrue(Long.parseLong(done.group(1)) > 0, target.name() + " ran no input; see " + output + ".");
        assertEquals(Set.of(), list(folder).stream().filter(path -> path.getFileName().toString().startsWith("crash-"))
                .collect(Collectors.toSet()), "Jazzer wrote no crash file outside " + findings);
        // One line per target on the console, so a run shows what it covered without opening output.txt.
        System.out.printf("fuzzed %s: %s inputs in %d s, %d corpus files, no findings (%s)%n", target.name(),
                done.group(1), seconds, list(corpus).size(), output);
    }

    private static List<String> command(FuzzTarget target, int seconds, Path corpus, Path findings) {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String logging = Paths.get("target", "test-classes", "logback-fuzz.xml").toAbsolutePath().toString();
        return List.of(java,
                // Enough for the fuzz tests; an allocation sized by a length field runs out of it and is reported.
                "-Xmx768m",
                "-Dlogback.configurationFile=" + logging,
                "-Daws.disableEc2Metadata=true",
                "-cp", classPath,
                "com.code_intelligence.jazzer.Jazzer",
                "--target_class=" + target.testClass(),
                "--target_method=" + target.method(),
                "--instrumentation_includes=org.sealdrop.**",
                "-max_total_time=" + seconds,
                "-timeout=" + INPUT_TIMEOUT_SECONDS,
                "-artifact_prefix=" + findings + "/",
                corpus.toString());
    }

    private static Path baseFolder() {
        return Paths.get(System.getProperty("sealdrop.fuzz.dir", Paths.get("target", "fuzz").toString()));
    }

    private static Set<String> selectedNames() {
        String only = System.getProperty("sealdrop.fuzz.only", "").trim();
        if (only.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(only.split(",")).map(String::trim).collect(Collectors.toSet());
    }

    private static Set<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.collect(Collectors.toSet());
        }
    }

    /** Returns the last {@code lines} lines of Jazzer's output, without its lines about instrumented classes and hooks. */
    private static String tail(String text, int lines) {
        List<String> all = text.lines()
                .filter(line -> !line.startsWith("INFO: Instrumented ") && !line.startsWith("INFO: Loaded "))
                .toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
