package org.sealdrop.bench.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.sealdrop.bench.Machine;

/** Writes the Markdown body of {@code index.md} from the properties each {@link IndexWindowRun} wrote. */
final class IndexReport {

    private static final double MIB = 1024.0 * 1024;

    private IndexReport() {
    }

    static String write(Map<Integer, List<Properties>> runs, String query) {
        int baselineSize = runs.keySet().iterator().next();
        StringBuilder out = new StringBuilder();
        out.append("Each size ran ").append(runs.get(baselineSize).size()).append(" times in a new JVM with ")
                .append("headless JavaFX (Monocle, software rendering) and the real `MainWindow`. Each JVM ")
                .append("unlocked ").append(IndexWindowRun.UNLOCK_ROUNDS).append(" times through the unlock form and then ")
                .append("typed the query `").append(query).append("` ").append(IndexWindowRun.TYPING_ROUNDS)
                .append(" times. One document of each index was uploaded, the others were written by the ")
                .append("benchmark with the production encryption of the metadata, and S3Proxy holds an object ")
                .append("header for each, so the background sync that starts with the documents view keeps them.\n\n");

        out.append("### Unlock to listed\n\n")
                .append("From the Unlock button's action to the table holding every document and the count ")
                .append("reading \"N documents\", polled on the application thread every 2 ms. The unlock ")
                .append("column ends when the documents view replaced the unlock form (Argon2id with the test ")
                .append("settings of 19 MiB, one pass). The first unlock of each JVM is left out of the medians, ")
                .append("because it includes loading and compiling the classes.\n\n")
                .append("The column `list()` times `DocumentService.list()` alone, called ")
                .append(IndexWindowRun.LIST_CALLS).append(" times per JVM from a plain thread after typing: ")
                .append("reading every row and decrypting its metadata, without JavaFX.\n\n")
                .append("| documents | runs, listed (ms) | median unlock (ms) | median listed (ms) | ratio to ")
                .append(String.format("%,d", baselineSize)).append(" | median `list()` (ms) | ratio to ")
                .append(String.format("%,d", baselineSize)).append(" | median `list()` CPU (ms) | heap used after listing (MiB) |\n")
                .append("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        double baselineListCall = listCalls(runs.get(baselineSize), "listCall.");
        double baselineListed = warmMedian(runs.get(baselineSize), "listed.");
        for (Map.Entry<Integer, List<Properties>> entry : runs.entrySet()) {
            List<Properties> results = entry.getValue();
            double listed = warmMedian(results, "listed.");
            out.append("| ").append(String.format("%,d", entry.getKey()))
                    .append(" | ").append(allRounds(results, "listed."))
                    .append(" | ").append(Samples.format(warmMedian(results, "unlock.")))
                    .append(" | ").append(Samples.format(listed))
                    .append(" | ").append(Samples.ratio(listed, baselineListed))
                    .append(" | ").append(Samples.format(listCalls(results, "listCall.")))
                    .append(" | ").append(Samples.ratio(listCalls(results, "listCall."), baselineListCall))
                    .append(" | ").append(Samples.format(listCalls(results, "listCallCpu.")))
                    .append(" | ").append(heap(results))
                    .append(" |\n");
        }

        out.append("\n### Search as you type\n\n")
                .append("Per keystroke: a KEY_TYPED event fired at the search field on the application thread, ")
                .append("timed until it returned and the table's item count was read. That covers the text ")
                .append("change, parsing the query, filtering every row and the table's item list update. ")
                .append("Layout and painting of the rows follow in the next pulse and are not included. Keys ")
                .append("were 120 ms apart. CPU is the application thread's CPU time over the same interval, ")
                .append("which the other processes on the machine inflate far less than the elapsed time.\n\n")
                .append("| documents | median per keystroke (ms) | ratio to ").append(String.format("%,d", baselineSize))
                .append(" | slowest keystroke's median (ms) | max (ms) | median CPU (ms) | CPU ratio to ")
                .append(String.format("%,d", baselineSize)).append(" | max CPU (ms) | keystrokes |\n")
                .append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        double baselineKey = Samples.median(keystrokes(runs.get(baselineSize), query, -1));
        double baselineCpu = Samples.median(keystrokes(runs.get(baselineSize), query, -1, "keyCpu."));
        for (Map.Entry<Integer, List<Properties>> entry : runs.entrySet()) {
            List<Double> all = keystrokes(entry.getValue(), query, -1);
            double slowestPosition = 0;
            for (int index = 0; index < query.length(); index++) {
                slowestPosition = Math.max(slowestPosition, Samples.median(keystrokes(entry.getValue(), query, index)));
            }
            double median = Samples.median(all);
            List<Double> cpu = keystrokes(entry.getValue(), query, -1, "keyCpu.");
            double cpuMedian = Samples.median(cpu);
            out.append("| ").append(String.format("%,d", entry.getKey()))
                    .append(" | ").append(Samples.format(median))
                    .append(" | ").append(Samples.ratio(median, baselineKey))
                    .append(" | ").append(Samples.format(slowestPosition))
                    .append(" | ").append(Samples.format(max(all)))
                    .append(" | ").append(Samples.format(cpuMedian))
                    .append(" | ").append(Samples.ratio(cpuMedian, baselineCpu))
                    .append(" | ").append(Samples.format(max(cpu)))
                    .append(" | ").append(all.size())
                    .append(" |\n");
        }

        out.append("\nPer character at the largest size (median ms, and the rows the table showed after it):\n\n")
                .append("| typed | ms | CPU ms | rows |\n| --- | ---: | ---: | ---: |\n");
        List<Properties> largest = runs.get(runs.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow());
        for (int index = 0; index < query.length(); index++) {
            out.append("| `").append(query, 0, index + 1).append("` | ")
                    .append(Samples.format(Samples.median(keystrokes(largest, query, index))))
                    .append(" | ").append(Samples.format(Samples.median(keystrokes(largest, query, index, "keyCpu."))))
                    .append(" | ").append(largest.get(0).getProperty("rows." + index)).append(" |\n");
        }
        out.append("\nMachine at the end of the run: ").append(Machine.describe()).append("\n");
        return out.toString();
    }

    /** Median over every run's unlock rounds after the first, in milliseconds. */
    private static double warmMedian(List<Properties> results, String prefix) {
        List<Double> values = new ArrayList<>();
        for (Properties result : results) {
            for (int round = 2; round <= IndexWindowRun.UNLOCK_ROUNDS; round++) {
                values.add(Long.parseLong(result.getProperty(prefix + round)) / 1e6);
            }
        }
        return Samples.median(values);
    }

    private static double listCalls(List<Properties> results, String prefix) {
        List<Double> values = new ArrayList<>();
        for (Properties result : results) {
            for (int call = 1; call <= IndexWindowRun.LIST_CALLS; call++) {
                values.add(Long.parseLong(result.getProperty(prefix + call)) / 1e6);
            }
        }
        return Samples.median(values);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static String allRounds(List<Properties> results, String prefix) {
        Samples samples = new Samples();
        for (Properties result : results) {
            for (int round = 1; round <= IndexWindowRun.UNLOCK_ROUNDS; round++) {
                samples.addNanos(Long.parseLong(result.getProperty(prefix + round)));
            }
        }
        return samples.list();
    }

    private static String heap(List<Properties> results) {
        Samples after = new Samples();
        Samples before = new Samples();
        for (Properties result : results) {
            after.addMillis(Long.parseLong(result.getProperty("heapAfterListing")) / MIB);
            before.addMillis(Long.parseLong(result.getProperty("heapBeforeWindow")) / MIB);
        }
        return String.format("%.0f (%.0f before the window opened)", after.median(), before.median());
    }

    /** Keystroke times in milliseconds of every typing round, at character {@code index}, or of all characters for -1. */
    private static List<Double> keystrokes(List<Properties> results, String query, int index) {
        return keystrokes(results, query, index, "key.");
    }

    /** Like {@link #keystrokes(List, String, int)} for the values stored under {@code prefix}, such as the CPU times. */
    private static List<Double> keystrokes(List<Properties> results, String query, int index, String prefix) {
        List<Double> values = new ArrayList<>();
        for (Properties result : results) {
            for (int round = 1; round <= IndexWindowRun.TYPING_ROUNDS; round++) {
                for (int position = 0; position < query.length(); position++) {
                    if (index < 0 || index == position) {
                        values.add(Long.parseLong(result.getProperty(prefix + round + "." + position)) / 1e6);
                    }
                }
            }
        }
        return values;
    }
}
