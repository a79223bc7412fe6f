package org.sealdrop.bench;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one benchmark suite, or all of them, for {@code mvn -B -Pbench verify -Dbench=SUITE}.
 *
 * <p>Each suite is a class with {@code public static void main(String[] args)} that takes the
 * report folder as its only argument and writes {@code SUITE.md} there. Suites are looked up
 * by name so that one missing suite does not stop the others from compiling.
 */
public final class BenchMain {

    /** Suite name to class, in the order {@code all} runs them. */
    private static final Map<String, String> SUITES = new LinkedHashMap<>();

    static {
        SUITES.put("crypto", "org.sealdrop.bench.crypto.CryptoBench");
        SUITES.put("transfer", "org.sealdrop.bench.transfer.TransferBench");
        SUITES.put("memory", "org.sealdrop.bench.transfer.MemoryBench");
        SUITES.put("defaults", "org.sealdrop.bench.transfer.DefaultsBench");
        SUITES.put("first-page", "org.sealdrop.bench.viewer.FirstPageBench");
        SUITES.put("start", "org.sealdrop.bench.ui.StartTimeBench");
        SUITES.put("index", "org.sealdrop.bench.ui.IndexScaleBench");
    }

    private BenchMain() {
    }

    /**
     * Runs the named suite.
     *
     * @param args the suite name ({@code all} or a key of the suite table) and the report folder
     * @throws Exception whatever the suite throws; Maven then fails the build
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("Usage: BenchMain SUITE REPORT_FOLDER; suites: all, "
                    + String.join(", ", SUITES.keySet()));
        }
        Path reports = Files.createDirectories(Path.of(args[1]));
        List<String> chosen = args[0].equals("all") ? List.copyOf(SUITES.keySet()) : List.of(args[0]);

        for (String suite : chosen) {
            String className = SUITES.get(suite);
            if (className == null) {
                throw new IllegalArgumentException("Unknown benchmark suite '" + suite + "'; choose all or one of "
                        + String.join(", ", SUITES.keySet()));
            }
            System.out.println("== benchmark suite " + suite + " (" + Machine.describe() + ")");
            Method main = Class.forName(className).getMethod("main", String[].class);
            main.invoke(null, (Object) new String[] {reports.toString()});
        }
    }
}
