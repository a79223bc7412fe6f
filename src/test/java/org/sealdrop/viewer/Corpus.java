package org.sealdrop.viewer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The sample documents that the build passes in the system property {@code sealdrop.corpus}. */
public final class Corpus {

    private Corpus() {
    }

    public static Path root() {
        String location = System.getProperty("sealdrop.corpus");
        if (location == null) {
            throw new IllegalStateException("System property sealdrop.corpus is not set; run the tests through Maven.");
        }
        return Path.of(location);
    }

    public static Path pdf(String name) {
        return root().resolve("pdf").resolve(name);
    }

    public static Path image(String name) {
        return root().resolve("images").resolve(name);
    }

    /** Regular files of one corpus folder ({@code pdf} or {@code images}), sorted by name. */
    public static List<Path> filesIn(String folder) {
        try (Stream<Path> files = Files.list(root().resolve(folder))) {
            return files.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
