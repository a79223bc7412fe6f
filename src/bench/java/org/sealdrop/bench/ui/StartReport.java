package org.sealdrop.bench.ui;

import java.util.List;
import java.util.Map;
import org.sealdrop.bench.Machine;

/** Writes the Markdown body of {@code start.md}. */
final class StartReport {

    private StartReport() {
    }

    static String write(int rounds, Map<String, Samples> times, Launchers launchers, StartPhases phases) {
        StringBuilder out = new StringBuilder();
        out.append("Interval: from starting the launcher to a window whose name starts with \"SealDrop\" being ")
                .append("mapped on a private Xvfb display (1280 × 800 × 24, `-nolisten tcp`), measured by ")
                .append("`packaging/linux/start-time.sh` with one run per call. A first start gets an empty ")
                .append("`XDG_DATA_HOME`, so SealDrop creates its data folder and index and extracts SQLite's ")
                .append("native library; a later start reuses a folder after one untimed start. Both show the ")
                .append("first-run window, because the data folder has no vault. ").append(rounds)
                .append(" rounds, the cases alternating within each round. `user.home` is a folder of the benchmark, ")
                .append("whose JavaFX native library cache an untimed start filled first.\n\n");
        if (!launchers.packaged()) {
            out.append("`target/package/SealDrop` did not exist, so the packaged launcher has no row here; ")
                    .append("the Packaging section has its start time.\n\n");
        }

        out.append("| case | runs (ms) | median (ms) | ratio to the bare JavaFX window |\n")
                .append("| --- | --- | ---: | ---: |\n");
        double baseline = times.get(Launchers.HELLO).median();
        for (Map.Entry<String, Samples> entry : times.entrySet()) {
            out.append("| ").append(entry.getKey())
                    .append(" | ").append(entry.getValue().list())
                    .append(" | ").append(Samples.format(entry.getValue().median()))
                    .append(" | ").append(Samples.ratio(entry.getValue().median(), baseline))
                    .append(" |\n");
        }

        out.append("\n### Before the window\n\n")
                .append("One more later start of the jar with `-Xlog:class+load=info:file=...:uptime`: the JVM ")
                .append("uptime at which each step loaded its first class (").append(phases.classes())
                .append(" classes were loaded in all, the last at ").append(Samples.format(phases.lastClassMillis()))
                .append(" ms). The gap to the next milestone estimates the step's share; logging every class ")
                .append("load slows the start somewhat.\n\n")
                .append("| step (first class loaded) | uptime (ms) | until the next milestone (ms) | share of the time to the mapped window |\n")
                .append("| --- | ---: | ---: | ---: |\n");
        List<StartPhases.Milestone> milestones = phases.milestones();
        for (int i = 0; i < milestones.size(); i++) {
            StartPhases.Milestone milestone = milestones.get(i);
            double next = i + 1 < milestones.size() ? milestones.get(i + 1).uptimeMillis() : phases.mappedMillis();
            double gap = next - milestone.uptimeMillis();
            out.append("| ").append(milestone.name())
                    .append(" | ").append(Samples.format(milestone.uptimeMillis()))
                    .append(" | ").append(Samples.format(gap))
                    .append(" | ").append(String.format("%.0f %%", 100.0 * gap / phases.mappedMillis()))
                    .append(" |\n");
        }
        out.append("| window mapped (start-time.sh, from launch) | ").append(phases.mappedMillis()).append(" | | |\n");
        out.append("\nMachine at the end of the run: ").append(Machine.describe()).append("\n");
        return out.toString();
    }
}
