package org.sealdrop.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The machine a benchmark ran on, in the words docs/BENCHMARKS.md uses: date, processors,
 * memory, Java and the load average when the run started. Every report starts with it, because a
 * figure without its machine cannot be compared with anything.
 */
public final class Machine {

    private Machine() {
    }

    /** One line: date (UTC), CPU model and count, total memory, Java version and load average. */
    public static String describe() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        long memoryBytes = os instanceof com.sun.management.OperatingSystemMXBean bean
                ? bean.getTotalMemorySize() : -1;
        return String.format("%s, %s, %d processors, %.1f GiB memory, Java %s (%s), load average %.1f",
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                cpuModel(),
                Runtime.getRuntime().availableProcessors(),
                memoryBytes / (1024.0 * 1024 * 1024),
                System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"),
                os.getSystemLoadAverage());
    }

    /** Returns the heading every suite's report starts with. */
    public static String reportHeader(String title, String command) {
        return "## " + title + "\n\n"
                + "Command: `" + command + "`\n\n"
                + "Machine: " + describe() + "\n\n";
    }

    private static String cpuModel() {
        Path cpuInfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuInfo)) {
            return System.getProperty("os.arch");
        }
        try (var lines = Files.lines(cpuInfo)) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse(System.getProperty("os.arch"));
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
    }
}
