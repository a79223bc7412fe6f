package org.sealdrop.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;

/** The audit policy keys of settings.json as IT writes them. */
class AuditPolicySettingsTest {

    @TempDir
    Path temp;

    @Test
    void absentKeysGetQueuedDefaults() throws Exception {
        Settings settings = read("");

        assertEquals("queued", settings.auditPolicy());
        assertEquals(1000, settings.auditMaxPendingEvents());
        assertEquals(24, settings.auditMaxPendingHours());
        assertEquals(10, settings.auditStrictWaitSeconds());
    }

    @Test
    void strictPolicyReadFromFile() throws Exception {
        Settings settings = read(", \"auditPolicy\": \"strict\", \"auditMaxPendingEvents\": 50,"
                + " \"auditMaxPendingHours\": 4, \"auditStrictWaitSeconds\": 20");

        assertEquals("strict", settings.auditPolicy());
        assertEquals(50, settings.auditMaxPendingEvents());
        assertEquals(4, settings.auditMaxPendingHours());
        assertEquals(20, settings.auditStrictWaitSeconds());
    }

    @Test
    void policySurvivesWriteAndRead() throws Exception {
        Settings strict = read(", \"auditPolicy\": \"strict\", \"auditStrictWaitSeconds\": 5");
        Path file = temp.resolve("copy.json");

        SettingsFile.write(file, strict.withEndpoints(strict.endpoint(), strict.auditUrl()));

        assertEquals(strict, SettingsFile.read(file).orElseThrow());
    }

    @Test
    void unknownPolicyRejected() {
        SealDropException e = assertThrows(SealDropException.class, () -> read(", \"auditPolicy\": \"lenient\""));

        assertEquals("SD-SETTINGS-INVALID", e.errorCode());
        assertTrue(e.getMessage().contains("auditPolicy must be \"queued\" or \"strict\", but is \"lenient\""),
                e.getMessage());
    }

    @Test
    void zeroLimitRejected() {
        SealDropException e = assertThrows(SealDropException.class, () -> read(", \"auditMaxPendingHours\": 0"));

        assertEquals("SD-SETTINGS-INVALID", e.errorCode());
        assertTrue(e.getMessage().contains("auditMaxPendingHours must be a positive number, but is 0"), e.getMessage());
    }

    private Settings read(String extraFields) throws Exception {
        Path file = temp.resolve("settings.json");
        Files.writeString(file, "{\"endpoint\": \"http://127.0.0.1:9000\", \"bucket\": \"bucket\","
                + " \"auditUrl\": \"http://127.0.0.1:8080\"" + extraFields + "}");
        return SettingsFile.read(file).orElseThrow();
    }
}
