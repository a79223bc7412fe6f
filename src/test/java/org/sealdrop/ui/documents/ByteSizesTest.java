package org.sealdrop.ui.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteSizesTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0 B",
        "999, 999 B",
        "1000, 1.0 kB",
        "1250, 1.3 kB",
        "9949, 9.9 kB",
        "9960, 10 kB",
        "24607, 25 kB",
        "999960, 1.0 MB",
        "2818798, 2.8 MB",
        "5000000000, 5.0 GB",
        "9223372036854775807, 9.2 EB"
    })
    void formatsDecimalUnits(long bytes, String expected) {
        assertEquals(expected, ByteSizes.format(bytes));
    }
}
