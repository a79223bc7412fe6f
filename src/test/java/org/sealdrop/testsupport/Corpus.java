package org.sealdrop.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared sample documents (real PDFs and images made by other tools); read-only. */
public final class Corpus {

    private Corpus() {
    }

    public static Path root() {
        String configured = System.getProperty("sealdrop.corpus", "../shared/corpus");
        Path root = Path.of(configured).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("The sample corpus is missing at " + root
                    + "; set -Dsealdrop.corpus to the folder with pdf/ and images/.");
        }
        return root;
    }

    /** Every PDF and image of the corpus, sorted by path. */
    public static List<Path> documents() {
        try (Stream<Path> files = Stream.concat(Files.list(root().resolve("pdf")), Files.list(root().resolve("images")))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path pdf(String name) {
        return root().resolve("pdf").resolve(name);
    }
}
