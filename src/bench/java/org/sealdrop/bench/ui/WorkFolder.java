package org.sealdrop.bench.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Cleanup of a suite's scratch folder, which contains large PDFs, S3Proxy's objects and filled indexes. */
public final class WorkFolder {

    private WorkFolder() {
    }

    /** Deletes {@code root} and everything below it; a missing folder is not an error. */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
