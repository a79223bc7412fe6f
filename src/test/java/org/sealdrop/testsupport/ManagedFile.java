package org.sealdrop.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sealdrop.config.ManagedSettings;

/**
 * A managed settings file in a test's temporary folder, in effect while it is open: it points the
 * {@value ManagedSettings#PATH_PROPERTY} system property at the file and restores the previous value
 * on close. Tests never read or write the computer's real managed settings file.
 */
public final class ManagedFile implements AutoCloseable {

    private final Path file;
    private final String previous;

    private ManagedFile(Path file) {
        this.file = file;
        this.previous = System.getProperty(ManagedSettings.PATH_PROPERTY);
        System.setProperty(ManagedSettings.PATH_PROPERTY, file.toString());
    }

    /** Writes {@code json} to {@code managed.json} in {@code folder} and puts it in effect. */
    public static ManagedFile write(Path folder, String json) {
        Path file = folder.resolve("managed.json");
        try {
            Files.createDirectories(folder);
            Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ManagedFile(file);
    }

    /**
     * Returns the JVM option that passes this JVM's managed settings file on to a child JVM, which
     * would otherwise look at the computer's real file.
     */
    public static String forkArgument() {
        return "-D" + ManagedSettings.PATH_PROPERTY + "=" + System.getProperty(ManagedSettings.PATH_PROPERTY, "");
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        if (previous == null) {
            System.clearProperty(ManagedSettings.PATH_PROPERTY);
        } else {
            System.setProperty(ManagedSettings.PATH_PROPERTY, previous);
        }
    }
}
