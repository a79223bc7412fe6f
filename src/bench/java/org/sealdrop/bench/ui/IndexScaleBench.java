package org.sealdrop.bench.ui;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.sealdrop.bench.Machine;

/**
 * The document window with 1,000, 10,000 and 100,000 documents in the index: time from pressing
 * Unlock to the table listing all of them, search-as-you-type per keystroke, and heap after listing.
 * Writes {@code index.md}.
 *
 * <p>The servers and the filled home folders live in this JVM; each measurement runs the real
 * window in a child JVM with headless JavaFX ({@link IndexWindowRun}). The sizes run in
 * {@value #PASSES} passes, ascending then descending, so load on the shared machine hits each size
 * alike, and 100,000 documents are reported as ratios to 1,000 of the same run.
 */
public final class IndexScaleBench {

    static final String COMMAND = "mvn -B -o -Pbench verify -Dbench=index";
    /** Index sizes, smallest first; the system property {@code bench.index.sizes} (such as "100,1000") replaces them. */
    static final int[] SIZES = java.util.Arrays.stream(System.getProperty("bench.index.sizes", "1000,10000,100000")
            .split(",")).mapToInt(Integer::parseInt).toArray();
    static final int PASSES = Integer.getInteger("bench.index.passes", 2);

    /** A search as a receptionist types it: a surname that occurs in the names, then a year. */
    static final String QUERY = "meiwolf 2022";

    private IndexScaleBench() {
    }

    /** Runs the suite; {@code args[0]} is the report folder. */
    public static void main(String[] args) throws Exception {
        Path reports = Files.createDirectories(Path.of(args[0]));
        Path work = Files.createTempDirectory(reports, "index-work");
        Path noManagedSettings = work.resolve("no-managed-settings/managed.json");
        // Like the tests: never read this computer's real managed settings file.
        System.setProperty("sealdrop.managedSettings", noManagedSettings.toString());
        String header = Machine.reportHeader("Index scale", COMMAND);

        Map<Integer, IndexHome> homes = new LinkedHashMap<>();
        Map<Integer, List<Properties>> runs = new LinkedHashMap<>();
        try {
            for (int size : SIZES) {
                homes.put(size, IndexHome.prepare(Files.createDirectories(work.resolve("n" + size)), size));
                runs.put(size, new ArrayList<>());
            }
            for (int pass = 0; pass < PASSES; pass++) {
                for (int i = 0; i < SIZES.length; i++) {
                    int size = pass % 2 == 0 ? SIZES[i] : SIZES[SIZES.length - 1 - i];
                    runs.get(size).add(runWindow(homes.get(size), work, noManagedSettings, pass));
                }
            }
        } finally {
            homes.values().forEach(IndexHome::close);
            WorkFolder.delete(work);
        }

        String report = header + IndexReport.write(runs, QUERY);
        Files.writeString(reports.resolve("index.md"), report);
        System.out.println(report);
    }

    private static Properties runWindow(IndexHome home, Path work, Path noManagedSettings, int pass)
            throws IOException, InterruptedException {
        Path results = work.resolve("window-" + home.count() + "-" + pass + ".properties");
        Path log = work.resolve("window-" + home.count() + "-" + pass + ".log");
        List<String> options = new ArrayList<>(ForkedJvm.MONOCLE_HEADLESS);
        options.add("-Xmx2g");
        options.add("-Dsealdrop.managedSettings=" + noManagedSettings);
        System.out.printf("index: window with %,d documents, pass %d%n", home.count(), pass + 1);
        ForkedJvm.run(IndexWindowRun.class.getName(), options, List.of(home.home().toString(),
                home.keysFile().toString(), Integer.toString(home.count()), QUERY, results.toString()), log, 30);
        System.out.print(Files.readString(log).lines().filter(line -> line.startsWith("round "))
                .map(line -> "  " + line + "\n").reduce("", String::concat));
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(results)) {
            properties.load(in);
        }
        return properties;
    }
}
