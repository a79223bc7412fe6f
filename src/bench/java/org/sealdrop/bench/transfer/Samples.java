package org.sealdrop.bench.transfer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Timed rounds of several contenders, with medians and ratios to a baseline contender that ran in
 * the same round. A ratio is the time of the contender divided by the time of the baseline, so 1.10
 * means 10 % slower. The table gives the median of the per-round ratios, because that cancels the
 * drift of a shared machine better than a ratio of medians.
 */
final class Samples {

    private final String baseline;
    private final Map<String, List<Double>> seconds = new LinkedHashMap<>();

    /** @param baseline the row name whose time every ratio divides by */
    Samples(String baseline) {
        this.baseline = baseline;
    }

    void add(String row, double elapsedSeconds) {
        seconds.computeIfAbsent(row, name -> new ArrayList<>()).add(elapsedSeconds);
    }

    List<String> rows() {
        return List.copyOf(seconds.keySet());
    }

    double medianSeconds(String row) {
        return median(seconds.get(row));
    }

    /** Median over rounds of this row's time divided by the baseline's time in the same round. */
    double medianRatio(String row) {
        return median(ratios(row));
    }

    /** This row's time divided by the baseline's time, round by round. */
    private List<Double> ratios(String row) {
        List<Double> own = seconds.get(row);
        List<Double> base = seconds.get(baseline);
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(own.size(), base.size()); i++) {
            ratios.add(own.get(i) / base.get(i));
        }
        return ratios;
    }

    /**
     * Returns a Markdown table: row, median seconds, MB/s (10^6 bytes per second) of the median,
     * median ratio to the baseline, every round's ratio and every round's time.
     */
    String table(String rowHeading, long bytes) {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(rowHeading).append(" | median s | MB/s | time ratio to ").append(baseline)
                .append(" | ratio per round | rounds (s) |\n| --- | ---: | ---: | ---: | --- | --- |\n");
        for (String row : rows()) {
            double median = medianSeconds(row);
            out.append(String.format(Locale.ROOT, "| %s | %.2f | %.1f | %.2f | %s | %s |%n", row, median,
                    bytes / median / 1e6, medianRatio(row), joined(ratios(row)), joined(seconds.get(row))));
        }
        return out.toString();
    }

    private static String joined(List<Double> values) {
        return values.stream().map(value -> String.format(Locale.ROOT, "%.2f", value))
                .collect(Collectors.joining(", "));
    }

    static double median(List<Double> values) {
        if (values == null || values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
