package org.sealdrop.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.sealdrop.SealDropException;

/** Reads and writes {@code settings.json}; a write replaces the file atomically. */
public final class SettingsFile {

    /** The mapper of settings files, shared with {@link ManagedSettings} so both read values the same way. */
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SettingsFile() {
    }

    /**
     * Settings of {@code file}, or empty when the home folder was never set up.
     *
     * @throws SealDropException with code {@code SD-SETTINGS-INVALID} when the file is not valid JSON or
     *     contains a value that {@link Settings} rejects
     */
    public static Optional<Settings> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Settings.class));
        } catch (ValueInstantiationException e) {
            String problem = e.getCause() instanceof IllegalArgumentException invalid ? invalid.getMessage()
                    : e.getClass().getSimpleName();
            throw new SealDropException("SD-SETTINGS-INVALID", "The settings file " + file + " is invalid because "
                    + problem + "; correct the value in the file.", e);
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
