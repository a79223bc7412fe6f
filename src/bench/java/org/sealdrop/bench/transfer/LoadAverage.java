package org.sealdrop.bench.transfer;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** The system's one-minute load average, which every report states at its start and end. */
final class LoadAverage {

    private LoadAverage() {
    }

    static String now() {
        return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
