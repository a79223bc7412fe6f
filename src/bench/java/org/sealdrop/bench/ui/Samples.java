package org.sealdrop.bench.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Repeated timings of one case, in milliseconds, and the medians and ratios the reports print.
 * Shared by the viewer and window suites.
 */
public final class Samples {

    private final List<Double> millis = new ArrayList<>();

    /** Adds one timing given in nanoseconds. */
    public void addNanos(long nanos) {
        millis.add(nanos / 1e6);
    }

    /** Adds one timing given in milliseconds. */
    public void addMillis(double value) {
        millis.add(value);
    }

    public int size() {
        return millis.size();
    }

    /** Returns the median in milliseconds, or NaN when there is no sample. */
    public double median() {
        return median(millis);
    }

    /** Returns the median of {@code values}, or NaN when the list is empty. */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** Lists the samples in the order they were taken, such as "812, 790, 801". */
    public String list() {
        return millis.stream().map(Samples::format).collect(Collectors.joining(", "));
    }

    /** Formats milliseconds with one decimal below 10 ms and none above. */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value < 10 ? String.format("%.1f", value) : String.format("%.0f", value);
    }

    /** Formats {@code value / baseline} as "×1.23", or "n/a" when either is missing. */
    public static String ratio(double value, double baseline) {
        if (Double.isNaN(value) || Double.isNaN(baseline) || baseline <= 0) {
            return "n/a";
        }
        return String.format("×%.2f", value / baseline);
    }
}
