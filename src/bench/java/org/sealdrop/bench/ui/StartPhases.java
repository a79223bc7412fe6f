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
 * The steps of one start of the jar before its window is mapped, read from a class-load log
 * ({@code -Xlog:class+load=info:file=...:uptime}): the JVM uptime at which the first class of each
 * library or step was loaded. The time between two milestones is an estimate of that step's share,
 * because steps overlap on the toolkit's threads and logging each class load slows the start a little.
 */
final class StartPhases {

    /** Milestone name to the prefix of the first class that marks it. */
    private static final Map<String, String> MILESTONES = new LinkedHashMap<>();

    static {
        MILESTONES.put("main class `cli.Main` loaded", "org.sealdrop.cli.Main");
        MILESTONES.put("picocli builds the command tree", "picocli.");
        MILESTONES.put("Jackson (first loaded for the `audit` commands' `EventFormat`)", "com.fasterxml.jackson.");
        MILESTONES.put("managed settings, window lock, hand-off socket", "org.sealdrop.config.ManagedSettings");
        MILESTONES.put("Logback reads its configuration", "ch.qos.logback.");
        MILESTONES.put("`LocalServices`: SQLite index (native library, migrations)", "org.sealdrop.index.Database");
        MILESTONES.put("device signing key (Ed25519, JDK provider)", "sun.security.ec.");
        MILESTONES.put("JavaFX toolkit start (`Platform.startup`)", "com.sun.javafx.application.PlatformImpl");
        MILESTONES.put("GTK glass (display connection)", "com.sun.glass.ui.gtk.");
        MILESTONES.put("`ui.MainWindow` built", "org.sealdrop.ui.MainWindow");
        MILESTONES.put("first-run wizard (`ui.vault.SetupView`) built and shown", "org.sealdrop.ui.vault.SetupView");
        MILESTONES.put("Bouncy Castle", "org.bouncycastle.");
    }

    private static final Pattern LINE = Pattern.compile("^\\[(\\d+\\.\\d+)s\\] (\\S+)");

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
