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

    /** Returns every PDF and image of the corpus, sorted by path. */
    public static List<Path> documents() {
        return Stream.concat(filesIn("pdf").stream(), filesIn("images").stream()).sorted().toList();
    }

    /** Regular files of one corpus folder ({@code pdf} or {@code images}), sorted by name. */
    public static List<Path> filesIn(String folder) {
        try (Stream<Path> files = Files.list(root().resolve(folder))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path pdf(String name) {
        return root().resolve("pdf").resolve(name);
    }

    public static Path image(String name) {
        return root().resolve("images").resolve(name);
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
