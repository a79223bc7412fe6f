package org.sealdrop.ui.documents;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Human-readable sizes in decimal units (1 kB = 1000 bytes), as desktop file managers show them. */
final class ByteSizes {

    private static final String[] UNITS = {"kB", "MB", "GB", "TB", "PB", "EB"};

    private ByteSizes() {
    }

    /** Formats {@code bytes} as "999 B", "1.2 kB", "15 MB": one decimal below 10, none above. */
    static String format(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 999.95 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        String pattern = value < 9.95 ? "0.0" : "0";
        DecimalFormat number = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        // DecimalFormat rounds half-even by default, which would show 1250 bytes as 1.2 kB.
        number.setRoundingMode(RoundingMode.HALF_UP);
        return number.format(value) + " " + UNITS[unit];
    }
}
