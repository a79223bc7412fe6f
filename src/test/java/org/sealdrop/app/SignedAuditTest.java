package org.sealdrop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;
import org.sealdrop.audit.EventSignatures;
import org.sealdrop.auditserver.ChainReport;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.testsupport.TestEnvironment;
import org.sealdrop.vault.KeyManagement;

/**
 * The home folder's signing key through {@link LocalServices} and the real receiver: it is created
 * owner-only at first run, signs events recorded while the vault is locked, and is the key the
 * receiver pins.
 */
class SignedAuditTest {

    @TempDir
    Path temp;

    private TestEnvironment environment;
    private LocalServices services;

    @BeforeEach
    void start() throws Exception {
        environment = TestEnvironment.start(temp.resolve("environment"));
        services = environment.services();
    }

    @AfterEach
    void stop() {
        environment.close();
    }

    @Test
    void tamperedKeyFileIsFailedUnlock() throws Exception {
        services.vault().lock();
        Path keyFile = services.home().keyFile();
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(keyFile.toFile());
        String mac = json.get("mac").textValue();
        json.put("mac", (mac.charAt(0) == 'A' ? "B" : "A") + mac.substring(1));
        // Both copies, so that unlocking cannot fall back to an intact one.
        Files.writeString(keyFile, json.toString());
        ObjectStore bucket = environment.bucket();
        bucket.putSmall(TestEnvironment.PREFIX + KeyManagement.KEY_FILE_OBJECT,
                json.toString().getBytes(StandardCharsets.UTF_8), Map.of());

        SealDropException e = assertThrows(SealDropException.class,
                () -> services.vault().unlock(TestEnvironment.PASSPHRASE.toCharArray()));
        assertTrue(services.flushAudit(Duration.ofSeconds(30)));

        assertEquals("SD-KEYFILE-TAMPERED", e.errorCode());
        JsonNode last = environment.receivedEvents().get(environment.receivedEvents().size() - 1);
        assertEquals("unlock_failed", last.path("action").asText());
        assertEquals("SD-KEYFILE-TAMPERED", last.path("reason").asText());
        assertTrue(EventSignatures.verify(last), last.toString());
    }

    @Test
    void lockedVaultEventsAreSignedWithHomeKey() throws Exception {
        services.vault().lock(LockReason.IDLE);
        assertThrows(SealDropException.class, () -> services.vault().unlock("not the passphrase".toCharArray()));
        assertTrue(services.flushAudit(Duration.ofSeconds(30)));

        List<JsonNode> events = environment.receivedEvents();
        List<String> actions = events.stream().map(event -> event.path("action").asText()).toList();
        assertEquals(List.of("unlock", "lock", "unlock_failed"), actions);
        for (JsonNode event : events) {
            assertTrue(EventSignatures.verify(event), event.toString());
        }

        Path keyFile = services.home().deviceSigningKeyFile();
        String publicKeyLine = Files.readAllLines(keyFile).get(1);
        String publicKey = publicKeyLine.substring("ed25519-public-key ".length());
        String deviceId = events.get(0).path("deviceId").asText();
        ChainReport report = environment.receiver().store().verifyChain(deviceId);
        assertTrue(report.intact(), report.toString());
        assertEquals(publicKey, report.pinnedKey());
        if (keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        }
    }
}
