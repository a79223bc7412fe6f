package org.sealdrop.bench.transfer;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sealdrop.app.DocumentService;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.TransferListener;
import org.sealdrop.config.ManagedSettings;
import org.sealdrop.index.Database;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.testsupport.TestEnvironment;
import org.sealdrop.transfer.SourceSnapshot;

/**
 * Splits the fixed cost of a small upload and export into SealDrop's steps, each timed on its own in
 * the same process and minute. The steps: the whole upload and export, the first pass over the file, an
 * index commit with and without a sync, a PutObject of the file's size with its HEAD read-back, a HEAD
 * alone and a GetObject. Not a suite of {@code BenchMain}, but a driver to run by hand. Arguments: work
 * folder, size in KiB, rounds. Prints the median of each step in milliseconds.
 */
public final class SmallFileSteps {

    private SmallFileSteps() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int size = Integer.parseInt(args[1]) * 1024;
        int rounds = Integer.parseInt(args[2]);
        BenchData.deleteTree(work);
        System.setProperty(ManagedSettings.PATH_PROPERTY, work.resolve("no-managed-settings.json").toString());
        Map<String, List<Double>> times = new LinkedHashMap<>();
        try (TestEnvironment environment = TestEnvironment.startOnDisk(work.resolve("env"), work.resolve("s3"))) {
            DocumentService documents = environment.services().documents();
            ObjectStore bucket = environment.bucket();
            Path source = BenchData.randomFile(work.resolve("source.bin"), size, 5);
            byte[] content = Files.readAllBytes(source);
            Database scratch = Database.open(environment.home().indexFile().resolveSibling("steps.db"));
            scratch.inTransaction(connection -> {
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE TABLE IF NOT EXISTS bench_rows (id TEXT PRIMARY KEY, body BLOB)");
                }
                return null;
            });

            for (int round = 0; round < rounds + 1; round++) {
                Map<String, Double> step = new LinkedHashMap<>();
                long start = System.nanoTime();
                DocumentSummary uploaded = documents.upload(source, null, TransferListener.NONE);
                step.put("upload (DocumentService)", millisSince(start));

                start = System.nanoTime();
                SourceSnapshot.read(source, "bench");
                step.put("first pass (SourceSnapshot.read)", millisSince(start));

                start = System.nanoTime();
                insertRow(scratch, false);
                step.put("index commit, synchronous=FULL", millisSince(start));

                start = System.nanoTime();
                insertRow(scratch, true);
                step.put("index commit, synchronous=NORMAL", millisSince(start));

                String key = bucket.key("steps/" + UUID.randomUUID());
                start = System.nanoTime();
                bucket.put(key, new ByteArrayInputStream(content), content.length, Map.of(), sent -> { });
                step.put("PutObject + HEAD (ObjectStore.put)", millisSince(start));

                start = System.nanoTime();
                bucket.head(key);
                step.put("HEAD alone", millisSince(start));

                start = System.nanoTime();
                try (InputStream in = bucket.get(key)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                step.put("GetObject (ObjectStore.get)", millisSince(start));
                bucket.delete(key);

                Path target = work.resolve("export.bin");
                Files.deleteIfExists(target);
                start = System.nanoTime();
                documents.export(uploaded.id(), target, TransferListener.NONE);
                step.put("export (DocumentService)", millisSince(start));
                documents.delete(uploaded.id());

                if (round > 0) {
                    step.forEach((name, millis) -> times.computeIfAbsent(name, n -> new ArrayList<>()).add(millis));
                }
            }
        } finally {
            BenchData.deleteTree(work);
        }
        System.out.printf("%d rounds, %d KiB, load average %s%n", rounds, size / 1024, LoadAverage.now());
        times.forEach((name, list) -> System.out.printf("%-40s %8.1f ms%n", name, median(list)));
    }

    private static void insertRow(Database database, boolean withoutSync) {
        Database.SqlWork<Void> work = connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_rows VALUES (?, ?)")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setBytes(2, new byte[200]);
                insert.executeUpdate();
            }
            return null;
        };
        if (withoutSync) {
            database.inTransactionWithoutSync(work);
        } else {
            database.inTransaction(work);
        }
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
