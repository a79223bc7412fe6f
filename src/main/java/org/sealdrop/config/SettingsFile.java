package org.sealdrop.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.sealdrop.SealDropException;

/** Reads and writes {@code settings.json}; a write replaces the file atomically. */
public final class SettingsFile {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SettingsFile() {
    }

    /** Settings of {@code file}, or empty when the home folder was never set up. */
    public static Optional<Settings> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Settings.class));
        } catch (IOException e) {
            throw new SealDropException("SD-SETTINGS-INVALID", "The settings file " + file
                    + " could not be read (" + e.getClass().getSimpleName() + "); fix its JSON or run `sealdrop init` again.", e);
        }
    }

    public static void write(Path file, Settings settings) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(temporary.toFile(), settings);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SealDropException("SD-SETTINGS-WRITE", "The settings file " + file
                    + " could not be written; check that the folder is writable.", e);
        }
    }
}
