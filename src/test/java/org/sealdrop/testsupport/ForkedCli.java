package org.sealdrop.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code sealdrop} in a new JVM with this test's class path, for start-up behaviour that an
 * in-process run cannot show: where the home folder and SQLite's native library end up, and what a
 * command leaves behind. The child gets a UTF-8 locale, as a desktop session has, the shipped logging
 * set-up and no AWS variables.
 *
 * @param jvmOptions options before the main class, such as {@code -Duser.home=...}
 * @param environment variables set in the child on top of this JVM's, minus {@code AWS_*} and {@code XDG_*}
 */
public record ForkedCli(List<String> jvmOptions, Map<String, String> environment) {

    /** The longest wait for one command; the self-test starts several servers. */
    private static final long TIMEOUT_SECONDS = 180;

    /** Returns a runner without extra options or variables. */
    public static ForkedCli plain() {
        return new ForkedCli(List.of(), Map.of());
    }

    /** Returns a copy that also passes {@code options} to the JVM. */
    public ForkedCli withJvmOptions(String... options) {
        List<String> all = new ArrayList<>(jvmOptions);
        all.addAll(List.of(options));
        return new ForkedCli(all, environment);
    }

    /** Returns a copy that also sets the environment variable {@code name}. */
    public ForkedCli withEnvironment(String name, String value) {
        Map<String, String> all = new HashMap<>(environment);
        all.put(name, value);
        return new ForkedCli(jvmOptions, all);
    }

    /** Runs {@code sealdrop args...} and waits for it; fails the test when it runs longer than three minutes. */
    public CliRun run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Daws.disableEc2Metadata=true",
                "-Daws.sharedCredentialsFile=/dev/null", "-Daws.configFile=/dev/null",
                // The shipped logging set-up, not the test class path's logback-test.xml.
                "-Dlogback.configurationFile=logback.xml"));
        command.addAll(jvmOptions);
        command.add("org.sealdrop.cli.Main");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("XDG_"));
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().remove("LC_ALL");
        builder.environment().putAll(environment);
        Process process = builder.start();
        // Both streams are read at once, so a full stderr pipe cannot stall the child.
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("sealdrop " + String.join(" ", args) + " ran longer than " + TIMEOUT_SECONDS + " s");
        }
        return new CliRun(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err.join(), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
