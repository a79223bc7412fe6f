package org.sealdrop.bench.transfer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JVM options that the installed launcher passes: the values of the {@code --java-options} lines of
 * {@code packaging/jpackage.options}, so that a benchmark's child JVM runs with the same heap limit.
 */
final class LauncherOptions {

    /** The options file, relative to the project folder, where Maven runs the benchmarks. */
    static final Path FILE = Path.of("packaging", "jpackage.options");

    private static final String PREFIX = "--java-options ";

    private LauncherOptions() {
    }

    /** Returns the launcher's JVM options in file order; empty when the file sets none. */
    static List<String> read() throws IOException {
        return Files.readAllLines(FILE, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> line.startsWith(PREFIX))
                .map(line -> unquote(line.substring(PREFIX.length()).strip()))
                .toList();
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
