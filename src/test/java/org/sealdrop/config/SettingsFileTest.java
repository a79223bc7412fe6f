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
    void autoLockDefaultsToTenMinutes() throws Exception {
        assertEquals(10, Settings.of(URI.create("http://127.0.0.1:9000"), null, "bucket", "", URI.create("http://127.0.0.1:8080"),
                null).autoLockMinutes());

        // A settings file written before the setting existed has no autoLockMinutes field.
        Path file = temp.resolve("settings.json");
        Files.writeString(file, settingsJson(""));
        assertEquals(10, SettingsFile.read(file).orElseThrow().autoLockMinutes());
    }

    @Test
    void auditTrustStoreReadFromFile() throws Exception {
        Path file = temp.resolve("settings.json");
        Files.writeString(file, settingsJson(", \"auditTrustStore\": \"/etc/sealdrop/audit-trust.p12\""));
        assertEquals(Path.of("/etc/sealdrop/audit-trust.p12"), SettingsFile.read(file).orElseThrow().auditTrustStore());

        // A settings file written before the setting existed trusts the JDK's CAs.
        Files.writeString(file, settingsJson(""));
        assertEquals(null, SettingsFile.read(file).orElseThrow().auditTrustStore());
    }

    @Test
    void auditTrustStoreSurvivesWriteAndRead() {
        Settings settings = Settings.of(URI.create("http://127.0.0.1:9000"), null, "bucket", "",
                URI.create("https://127.0.0.1:8443"), null).withAuditTrustStore(temp.resolve("trust.p12"));
        Path file = temp.resolve("settings.json");

        SettingsFile.write(file, settings);

        assertEquals(settings, SettingsFile.read(file).orElseThrow());
    }

    @Test
    void autoLockMinutesReadFromFile() throws Exception {
        Path file = temp.resolve("settings.json");
        Files.writeString(file, settingsJson(", \"autoLockMinutes\": 3"));
        assertEquals(3, SettingsFile.read(file).orElseThrow().autoLockMinutes());

        Files.writeString(file, settingsJson(", \"autoLockMinutes\": 0"));
        assertEquals(0, SettingsFile.read(file).orElseThrow().autoLockMinutes(), "0 turns auto-lock off");
    }

    @Test
    void autoLockMinutesSurviveWriteAndRead() {
        Settings settings = new Settings(URI.create("http://127.0.0.1:9000"), null, "bucket", "", true, null,
                URI.create("http://127.0.0.1:8080"), null, 0, 0, 25);
        Path file = temp.resolve("settings.json");
        SettingsFile.write(file, settings);
        assertEquals(25, SettingsFile.read(file).orElseThrow().autoLockMinutes());
    }

    @Test
    void negativeAutoLockNamesValueAndFile() throws Exception {
        Path file = temp.resolve("settings.json");
        Files.writeString(file, settingsJson(", \"autoLockMinutes\": -5"));
        SealDropException e = assertThrows(SealDropException.class, () -> SettingsFile.read(file));
        assertEquals("SD-SETTINGS-INVALID", e.errorCode());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("autoLockMinutes must be 0 (off) or a positive number of minutes, but is -5"),
                e.getMessage());
    }

    @Test
    void damagedFileGetsClearMessage() throws Exception {
        Path file = temp.resolve("settings.json");
        Files.writeString(file, "{ not json");
        SealDropException e = assertThrows(SealDropException.class, () -> SettingsFile.read(file));
        assertEquals("SD-SETTINGS-INVALID", e.errorCode());
        assertTrue(e.getMessage().contains(file.toString()));
    }

    private static String settingsJson(String extraFields) {
        return "{\"endpoint\": \"http://127.0.0.1:9000\", \"bucket\": \"bucket\","
                + " \"auditUrl\": \"http://127.0.0.1:8080\"" + extraFields + "}";
    }
}
