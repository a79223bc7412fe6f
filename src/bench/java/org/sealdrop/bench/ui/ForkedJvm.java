package org.sealdrop.bench.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a benchmark class in a child JVM with this JVM's class path, because the suite runner has
 * no JavaFX flags and JavaFX settings such as the Monocle platform must be set before the toolkit
 * starts.
 */
public final class ForkedJvm {

    /**
     * The headless JavaFX flags of the unit tests, the same as {@code testfx.jvm.args} in pom.xml
     * (Monocle's headless platform, software rendering).
     */
    public static final List<String> MONOCLE_HEADLESS = List.of("-Dtestfx.robot=glass", "-Dtestfx.headless=true",
            "-Dprism.order=sw", "-Dprism.text=t2k", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Djava.awt.headless=true");

    private ForkedJvm() {
    }

    /**
     * Runs {@code mainClass} with {@code jvmOptions} and {@code arguments}, sends its output to
     * {@code log}, and waits for it.
     *
     * @throws IllegalStateException when the child exits with a status other than 0 or runs longer than
     *     {@code timeoutMinutes}
     */
    public static void run(String mainClass, List<String> jvmOptions, List<String> arguments, Path log,
            long timeoutMinutes) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Daws.disableEc2Metadata=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(arguments);

        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        Process process = builder.start();
        if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(mainClass + " ran longer than " + timeoutMinutes
                    + " minutes and was stopped; its output is in " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(mainClass + " failed with exit status " + process.exitValue()
                    + "; its output is in " + log);
        }
    }
}
