package org.sealdrop.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sealdrop.SealDropException;
import org.sealdrop.testsupport.ManagedFile;

class ManagedSettingsTest {

    @TempDir
    Path temp;

    private final Settings user = Settings.of(URI.create("http://127.0.0.1:9000"), "us-east-1", "user-bucket", "user",
            URI.create("http://127.0.0.1:8080"), null);

    @Test
    void everyKeyOverridesUserValue() throws IOException {
        Path trustStore = temp.resolve("clinic-ca.p12");
        ManagedSettings managed = read("""
                {"endpoint": "https://s3.eu-central-1.amazonaws.com", "region": "eu-central-1",
                 "bucket": "clinic-bucket", "prefix": "north", "pathStyle": false, "checksumMode": "WHEN_REQUIRED",
                 "auditUrl": "https://audit.clinic.example", "auditTrustStore": "%s",
                 "partSizeMiB": 16, "multipartThresholdMiB": 32, "autoLockMinutes": 3, "uploadParallelism": 2,
                 "auditPolicy": "strict", "auditMaxPendingEvents": 50, "auditMaxPendingHours": 2,
                 "auditStrictWaitSeconds": 20, "exportAllowed": false, "printAllowed": false, "deleteAllowed": false}
                """.formatted(trustStore));

        Settings effective = managed.applyTo(user);

        assertEquals(URI.create("https://s3.eu-central-1.amazonaws.com"), effective.endpoint());
        assertEquals("eu-central-1", effective.region());
        assertEquals("clinic-bucket", effective.bucket());
        assertEquals("north/", effective.prefix());
        assertFalse(effective.pathStyle());
        assertEquals("WHEN_REQUIRED", effective.checksumMode());
        assertEquals(URI.create("https://audit.clinic.example"), effective.auditUrl());
        assertEquals(trustStore, effective.auditTrustStore());
        assertEquals(16, effective.partSizeMiB());
        assertEquals(32, effective.multipartThresholdMiB());
        assertEquals(3, effective.autoLockMinutes());
        assertEquals(2, effective.uploadParallelism());
        assertEquals("strict", effective.auditPolicy());
        assertEquals(50, effective.auditMaxPendingEvents());
        assertEquals(2, effective.auditMaxPendingHours());
        assertEquals(20, effective.auditStrictWaitSeconds());
        assertFalse(effective.exportAllowed());
        assertFalse(effective.printAllowed());
        assertFalse(effective.deleteAllowed());
        assertEquals(SettingRules.keys().size() - 1, managed.keys().size(), "every key but auditTokenFile");
    }

    @Test
    void unmanagedKeysKeepUserValue() throws IOException {
        ManagedSettings managed = read("{\"autoLockMinutes\": 2}");

        Settings effective = managed.applyTo(user);

        assertEquals(2, effective.autoLockMinutes());
        assertEquals("user-bucket", effective.bucket());
        assertEquals("user/", effective.prefix());
        assertTrue(effective.exportAllowed());
        assertEquals(Set.of("autoLockMinutes"), managed.keys());
    }

    @Test
    void missingFileManagesNothing() {
        ManagedSettings managed = ManagedSettings.read(temp.resolve("absent").resolve("managed.json"));

        assertTrue(managed.keys().isEmpty());
        assertEquals(user, managed.applyTo(user));
    }

    @Test
    void emptyObjectManagesNothing() throws IOException {
        assertTrue(read("{}").keys().isEmpty());
    }

    @Test
    void unreadableFileIsAnError() throws IOException {
        // A folder in place of the file cannot be read, also by root, which ignores file permissions.
        Path folder = Files.createDirectories(temp.resolve("managed.json"));

        SealDropException e = assertThrows(SealDropException.class, () -> ManagedSettings.read(folder));

        assertEquals("SD-MANAGED-SETTINGS", e.errorCode());
        assertTrue(e.getMessage().contains(folder.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("could not be read"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"autoLockMinutes": "5"}                 | autoLockMinutes must be a whole number
            {"autoLockMinutes": 2.5}                 | autoLockMinutes must be a whole number
            {"partSizeMiB": true}                    | partSizeMiB must be a whole number
            {"exportAllowed": "no"}                  | exportAllowed must be true or false
            {"printAllowed": 0}                      | printAllowed must be true or false
            {"endpoint": 443}                        | endpoint must be a text in quotes
            {"bucket": null}                         | bucket must be a text in quotes
            {"endpoint": "http://s3.example.com"}    | uses plain HTTP to another computer
            {"auditUrl": "ftp://audit.example"}      | is not a valid http or https URL
            {"partSizeMiB": 4}                       | partSizeMiB must be between 5 and 5120, but is 4
            {"uploadParallelism": 0}                 | uploadParallelism must be between 1 and 64, but is 0
            {"autoLockMinutes": -1}                  | autoLockMinutes must be 0 (off) or a positive number
            {"auditPolicy": "lenient"}               | auditPolicy must be "queued" or "strict"
            {"auditMaxPendingHours": 0}              | auditMaxPendingHours must be a positive number
            {"checksumMode": "NEVER"}                | checksumMode must be one of
            {"region": " "}                          | region must not be empty
            {"autoLockMinutes": 5, "AutoLock": 1}    | the key AutoLock is not a setting
            [1, 2]                                   | it is not a JSON object
            {"autoLockMinutes": 5                    | it is not valid JSON
            """)
    void invalidEntryRejectsFile(String json, String expected) throws IOException {
        Path file = write(json);

        SealDropException e = assertThrows(SealDropException.class, () -> ManagedSettings.read(file));

        assertEquals("SD-MANAGED-SETTINGS", e.errorCode());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), "names the file: " + e.getMessage());
    }

    @Test
    void unknownKeyListsOnlyAcceptedKeys() throws IOException {
        Path file = write("{\"AutoLock\": 1}");

        SealDropException e = assertThrows(SealDropException.class, () -> ManagedSettings.read(file));

        assertTrue(e.getMessage().contains("autoLockMinutes"), e.getMessage());
        assertFalse(e.getMessage().contains("auditTokenFile"), "a refused key is not offered: " + e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"awsSecretAccessKey": "wJalrXUtnFEMI/K7MDENG"}  | awsSecretAccessKey
            {"auditTokenFile": "/etc/sealdrop/token"}        | auditTokenFile
            {"audit_token": "abc"}                           | audit_token
            {"password": "hunter2"}                          | password
            {"aws-access-key-id": "x"}                       | aws-access-key-id
            """)
    void secretLookingKeyRejectsFile(String json, String key) throws IOException {
        Path file = write(json);

        SealDropException e = assertThrows(SealDropException.class, () -> ManagedSettings.read(file));

        assertEquals("SD-MANAGED-SETTINGS", e.errorCode());
        assertTrue(e.getMessage().contains("the key " + key + " looks like a credential or token"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2") || e.getMessage().contains("wJalr"), "no secret in " + e.getMessage());
    }

    @Test
    void secretLookingValueRejectsFile() throws IOException {
        for (String json : List.of("{\"region\": \"AKIAIOSFODNN7EXAMPLE\"}",
                "{\"endpoint\": \"https://admin:hunter2@s3.example.com\"}")) {
            Path file = write(json);

            SealDropException e = assertThrows(SealDropException.class, () -> ManagedSettings.read(file), json);

            assertTrue(e.getMessage().contains("looks like an access key or a password"), e.getMessage());
            assertFalse(e.getMessage().contains("hunter2") || e.getMessage().contains("AKIAIOSFODNN7EXAMPLE"),
                    "no secret in " + e.getMessage());
        }
    }

    @Test
    void changedManagedKeyIsRejected() throws IOException {
        ManagedSettings managed = read("{\"autoLockMinutes\": 2, \"prefix\": \"north\"}");
        Settings effective = managed.applyTo(user);
        Settings longer = new Settings(effective.endpoint(), effective.region(), effective.bucket(), effective.prefix(),
                true, null, effective.auditUrl(), null, 0, 0, 30, 0);

        SealDropException e = assertThrows(SealDropException.class,
                () -> managed.requireUnchanged(longer, SettingsChanges.changedKeys(effective, longer)));

        assertEquals("SD-SETTING-MANAGED", e.errorCode());
        assertTrue(e.getMessage().contains("autoLockMinutes"), e.getMessage());
        assertTrue(e.getMessage().contains(managed.file().toString()), e.getMessage());
        managed.requireUnchanged("prefix", "north/");
        assertThrows(SealDropException.class, () -> managed.requireUnchanged("prefix", "south/"));
        managed.requireUnchanged("bucket", "any-bucket");
    }

    @Test
    void unchangedManagedKeyPasses() throws IOException {
        ManagedSettings managed = read("{\"autoLockMinutes\": 2}");
        Settings effective = managed.applyTo(user);
        Settings otherRegion = Settings.of(effective.endpoint(), "eu-west-1", effective.bucket(), effective.prefix(),
                effective.auditUrl(), null);
        Settings requested = managed.applyTo(otherRegion);

        managed.requireUnchanged(requested, SettingsChanges.changedKeys(effective, requested));
    }

    @Test
    void propertyChoosesFile() throws IOException {
        try (ManagedFile file = ManagedFile.write(temp.resolve("it"), "{\"autoLockMinutes\": 7}")) {
            ManagedSettings managed = ManagedSettings.load();

            assertEquals(file.file(), managed.file());
            assertEquals(7, managed.applyTo(user).autoLockMinutes());
        }
    }

    @Test
    void defaultPathPerOperatingSystem() {
        assertEquals(Path.of("/etc/sealdrop/managed.json"), ManagedSettings.defaultPath("Linux", Map.of()));
        assertEquals(Path.of("/Library/Application Support/SealDrop/managed.json"),
                ManagedSettings.defaultPath("Mac OS X", Map.of()));
        assertEquals(Path.of("D:\\Data", "SealDrop", "managed.json"),
                ManagedSettings.defaultPath("Windows 11", Map.of("ProgramData", "D:\\Data")));
    }

    private ManagedSettings read(String json) throws IOException {
        return ManagedSettings.read(write(json));
    }

    private Path write(String json) throws IOException {
        Path file = Files.createTempFile(temp, "managed", ".json");
        Files.writeString(file, json);
        return file;
    }
}
