package org.sealdrop.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The UI preferences file in the home folder: defaults, a stored choice, and damaged contents. */
class UiPreferencesTest {

    @TempDir
    Path home;

    @Test
    void missingFileMeansSystem() {
        assertEquals(ThemeChoice.SYSTEM, UiPreferences.in(home).theme());
        assertFalse(Files.exists(home.resolve(UiPreferences.FILE_NAME)), "reading creates no file");
    }

    @Test
    void choiceSurvivesRestart() throws IOException {
        UiPreferences.in(home).setTheme(ThemeChoice.DARK);
        assertEquals(ThemeChoice.DARK, UiPreferences.in(home).theme());
        assertTrue(Files.readString(home.resolve(UiPreferences.FILE_NAME)).contains("theme=DARK"));
        assertFalse(Files.exists(home.resolve(UiPreferences.FILE_NAME + ".tmp")), "no temporary file stays");
    }

    @Test
    void unknownValueFallsBackToSystem() throws IOException {
        Files.writeString(home.resolve(UiPreferences.FILE_NAME), "theme=purple\n");
        assertEquals(ThemeChoice.SYSTEM, UiPreferences.in(home).theme());
    }

    @Test
    void valueIsCaseInsensitive() throws IOException {
        Files.writeString(home.resolve(UiPreferences.FILE_NAME), "theme = light\n");
        assertEquals(ThemeChoice.LIGHT, UiPreferences.in(home).theme());
    }

    @Test
    void failedWriteKeepsChoice() throws IOException {
        Path notAFolder = Files.writeString(home.resolve("file"), "x");
        UiPreferences preferences = UiPreferences.in(notAFolder);
        preferences.setTheme(ThemeChoice.LIGHT);
        assertEquals(ThemeChoice.LIGHT, preferences.theme());
    }
}
