package org.sealdrop.bench.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a start of the jar spends its time before the window is mapped, read from a class-load log
 * ({@code -Xlog:class+load=info:file=...:uptime}): the JVM uptime at which the first class of each
 * library or step was loaded. The time between two milestones is an estimate of that step's share,
 * because steps overlap on the toolkit's threads and logging each class load slows the start a little.
 */
final class StartPhases {

    /** Milestone name to the prefix of the first class that marks it. */
    private static final Map<String, String> MILESTONES = new LinkedHashMap<>();

    static {
        MILESTONES.put("main class `cli.Main` loaded", "org.sealdrop.cli.Main");
        MILESTONES.put("Logback (logging configuration)", "ch.qos.logback.");
        MILESTONES.put("picocli (command line)", "picocli.");
        MILESTONES.put("Bouncy Castle", "org.bouncycastle.");
        MILESTONES.put("SQLite JDBC (native library, index)", "org.sqlite.");
        MILESTONES.put("AWS SDK (S3 client)", "software.amazon.awssdk.");
        MILESTONES.put("JavaFX toolkit (`Platform.startup`)", "com.sun.javafx.application.PlatformImpl");
        MILESTONES.put("`ui.MainWindow`", "org.sealdrop.ui.MainWindow");
        MILESTONES.put("first-run wizard (`ui.vault.SetupView`)", "org.sealdrop.ui.vault.SetupView");
        MILESTONES.put("unlock form (`ui.vault.UnlockView`)", "org.sealdrop.ui.vault.UnlockView");
    }

    private static final Pattern LINE = Pattern.compile("^\\[(\\d+\\.\\d+)s\\]\\[info\\s*\\]\\[class,load\\s*\\] (\\S+)");

    private final List<Milestone> milestones;
    private final long classes;
    private final double lastClassMillis;
    private final long mappedMillis;

    private StartPhases(List<Milestone> milestones, long classes, double lastClassMillis, long mappedMillis) {
        this.milestones = milestones;
        this.classes = classes;
        this.lastClassMillis = lastClassMillis;
        this.mappedMillis = mappedMillis;
    }

    /** A step and the JVM uptime in milliseconds when its first class was loaded. */
    record Milestone(String name, double uptimeMillis) {
    }

    /** Reads the log; {@code mappedMillis} is the time to the mapped window that start-time.sh measured for the same start. */
    static StartPhases read(Path classLog, long mappedMillis) throws IOException {
        Map<String, Double> first = new LinkedHashMap<>();
        long classes = 0;
        double last = 0;
        for (String line : Files.readAllLines(classLog)) {
            Matcher matcher = LINE.matcher(line);
            if (!matcher.find()) {
                continue;
            }
            classes++;
            double uptime = Double.parseDouble(matcher.group(1)) * 1000;
            last = uptime;
            String className = matcher.group(2);
            for (Map.Entry<String, String> milestone : MILESTONES.entrySet()) {
                if (className.startsWith(milestone.getValue())) {
                    first.putIfAbsent(milestone.getKey(), uptime);
                }
            }
        }
        List<Milestone> sorted = new ArrayList<>();
        first.forEach((name, uptime) -> sorted.add(new Milestone(name, uptime)));
        sorted.sort(Comparator.comparingDouble(Milestone::uptimeMillis));
        return new StartPhases(sorted, classes, last, mappedMillis);
    }

    List<Milestone> milestones() {
        return milestones;
    }

    long classes() {
        return classes;
    }

    /** JVM uptime of the last class load in the log, which continues after the window is mapped. */
    double lastClassMillis() {
        return lastClassMillis;
    }

    long mappedMillis() {
        return mappedMillis;
    }
}
