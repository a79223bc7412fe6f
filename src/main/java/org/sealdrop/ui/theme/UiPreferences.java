package org.sealdrop.ui.theme;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Choices that only change how the window looks, kept apart from {@code settings.json} in
 * {@value #FILE_NAME} of the home folder. The file is a Java properties file, so IT can read and
 * edit it; a missing, unreadable or unknown value falls back to the default.
 */
public final class UiPreferences {

    /** Name of the file in the home folder. */
    public static final String FILE_NAME = "ui-preferences.properties";

    private static final Logger LOG = LoggerFactory.getLogger(UiPreferences.class);
    private static final String THEME = "theme";

    private final Path file;
    private ThemeChoice theme = ThemeChoice.SYSTEM;

    private UiPreferences(Path file) {
        this.file = file;
    }

    /** Reads the preferences of the home folder {@code homeFolder}; a missing file gives the defaults. */
    public static UiPreferences in(Path homeFolder) {
        UiPreferences preferences = new UiPreferences(homeFolder.resolve(FILE_NAME));
        preferences.read();
        return preferences;
    }

    /** Returns preferences that live in memory only, for tests and for a window without a home folder. */
    public static UiPreferences inMemory() {
        return new UiPreferences(null);
    }

    /** Returns the theme the user picked, or {@link ThemeChoice#SYSTEM} until they pick one. */
    public ThemeChoice theme() {
        return theme;
    }

    /**
     * Stores {@code choice} and writes the file. A failed write is logged and the choice still holds
     * until the window closes, because losing a colour preference is no reason to stop work.
     */
    public void setTheme(ThemeChoice choice) {
        theme = choice;
        if (file != null) {
            write();
        }
    }

    private void read() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Reading {} failed ({}); using the default look", FILE_NAME, e.getClass().getName());
            return;
        }
        String value = properties.getProperty(THEME, ThemeChoice.SYSTEM.name()).trim().toUpperCase(Locale.ROOT);
        try {
            theme = ThemeChoice.valueOf(value);
        } catch (IllegalArgumentException e) {
            LOG.warn("{} has an unknown theme value; using the system theme", FILE_NAME);
        }
    }

    /** Writes to a temporary file and moves it into place, so a crash leaves the old file or the new one. */
    private void write() {
        Properties properties = new Properties();
        properties.setProperty(THEME, theme.name());
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, "SealDrop window preferences: theme is SYSTEM, LIGHT or DARK");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Writing {} failed ({}); the theme choice lasts until the window closes", FILE_NAME,
                    e.getClass().getName());
        }
    }
}
