package org.sealdrop.bench.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sealdrop.bench.Machine;

/**
 * Time from launching SealDrop's window to the window being mapped on a private Xvfb display, measured
 * by {@code packaging/linux/start-time.sh} (xdotool), for {@code java -jar target/sealdrop.jar}, for
 * the packaged launcher when {@code target/package/SealDrop} exists, and for {@link HelloWindow}, a
 * bare JavaFX window started the same way, as the baseline. Writes {@code start.md}.
 *
 * <p>The cases alternate within each round, one start per case and round, so load on the shared
 * machine hits each alike. A final start with class-load logging shows where the time before the
 * window goes ({@link StartPhases}).
 */
public final class StartTimeBench {

    private static final String COMMAND = "mvn -B -o -Pbench verify -Dbench=start";
    private static final int ROUNDS = Integer.getInteger("bench.start.rounds", 5);
    private static final Pattern RUN_LINE = Pattern.compile("run 1: (\\d+) ms");

    private StartTimeBench() {
    }

    /** Runs the suite; {@code args[0]} is the report folder. */
    public static void main(String[] args) throws Exception {
        Path reports = Files.createDirectories(Path.of(args[0]));
        Path project = Path.of(System.getProperty("user.dir"));
        Path work = Files.createTempDirectory(reports, "start-work");
        String header = Machine.reportHeader("Launch to window", COMMAND);

        Path jar = project.resolve("target/sealdrop.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; run the suite through Maven, which packages it first.");
        }
        Launchers launchers = new Launchers(work, jar, project.resolve("target/package/SealDrop/bin/SealDrop"));
        Map<String, Samples> times = new LinkedHashMap<>();
        StartPhases phases;
        try (PrivateDisplay display = PrivateDisplay.start(work)) {
            Path script = project.resolve("packaging/linux/start-time.sh");
            // One untimed start fills JavaFX's native library cache in the benchmark's own HOME.
            startOnce(script, display, launchers.hello(), false, work);
            for (int round = 1; round <= ROUNDS; round++) {
                for (Launchers.Case launch : launchers.cases()) {
                    long millis = startOnce(script, display, launch.launcher(), launch.warm(), work);
                    times.computeIfAbsent(launch.label(), label -> new Samples()).addMillis(millis);
                    System.out.printf("start round %d: %s %d ms%n", round, launch.label(), millis);
                }
            }
            long logged = startOnce(script, display, launchers.jarWithClassLog(), true, work);
            phases = StartPhases.read(launchers.classLog(), logged);
        } finally {
            WorkFolder.delete(work);
        }

        String report = header + StartReport.write(ROUNDS, times, launchers, phases);
        Files.writeString(reports.resolve("start.md"), report);
        System.out.println(report);
    }

    /** Runs start-time.sh for one timed start and returns its time in milliseconds. */
    private static long startOnce(Path script, PrivateDisplay display, Path launcher, boolean warm, Path work)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", script.toString(), launcher.toString(), "1"));
        if (warm) {
            command.add("--warm");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DISPLAY", display.name());
        Files.createDirectories(work.resolve("home"));
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("start-time.sh failed for " + launcher + ": " + output);
        }
        Matcher matcher = RUN_LINE.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("start-time.sh printed no time for " + launcher + ": " + output);
        }
        return Long.parseLong(matcher.group(1));
    }

    /** Writes {@code content} to an executable shell script. */
    static Path script(Path file, String content) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + content + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
