package org.sealdrop.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;

class SettingsFileTest {

    @TempDir
    Path temp;

    @Test
    void writtenSettingsReadBackEqual() {
        Settings settings = Settings.of(URI.create("http://127.0.0.1:9000"), "eu-central-1", "bucket", "/clinic",
                URI.create("http://127.0.0.1:8080"), temp.resolve("token"));
        Path file = temp.resolve("settings.json");
        SettingsFile.write(file, settings);
        assertEquals(settings, SettingsFile.read(file).orElseThrow());
    }

    @Test
    void prefixIsNormalisedToEndInSlash() {
        assertEquals("clinic/", Settings.normalizePrefix("/clinic"));
        assertEquals("a/b/", Settings.normalizePrefix("a/b/"));
        assertEquals("", Settings.normalizePrefix(null));
        assertEquals("", Settings.normalizePrefix("  "));
    }

    @Test
    void missingFileMeansNotSetUp() {
        assertTrue(SettingsFile.read(temp.resolve("absent.json")).isEmpty());
    }

    @Test
    void damagedFileGetsClearMessage() throws Exception {
        Path file = temp.resolve("settings.json");
        Files.writeString(file, "{ not json");
        SealDropException e = assertThrows(SealDropException.class, () -> SettingsFile.read(file));
        assertEquals("SD-SETTINGS-INVALID", e.errorCode());
        assertTrue(e.getMessage().contains(file.toString()));
    }
}
