package org.sealdrop.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;
import org.sealdrop.storage.ObjectInfo;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.TestEnvironment;
import org.sealdrop.transfer.Uploader;
import org.sealdrop.vault.KeyFile;
import org.sealdrop.vault.KeyFileStore;
import org.sealdrop.vault.KeyRotation;
import org.sealdrop.vault.RotationIncompleteException;
import org.sealdrop.vault.WrappedVaultKey;

/** Retiring old vault key versions: refused while any object uses them, accepted after a full rotation. */
class KeyRetirementTest {

    @TempDir
    Path temp;

    private TwoComputers computers;

    @BeforeEach
    void start() throws Exception {
        computers = TwoComputers.start(temp);
    }

    @AfterEach
    void stop() {
        computers.close();
    }

    @Test
    void newestVersionCannotBeRetired() {
        SealDropException e = assertThrows(SealDropException.class,
                () -> computers.first().vault().retireKeyVersion(passphrase(), 1, KeyRotation.Progress.NONE));
        assertEquals("SD-KEY-VERSION-CURRENT", e.errorCode());
    }

    @Test
    void versionInUseIsRefusedUntilRotated() throws Exception {
        List<UUID> documents = computers.upload(computers.first(), Corpus.filesIn("images"));
        computers.upload(computers.second(), List.of(Corpus.pdf("minimal-document.pdf")));
        String brokenKey = TestEnvironment.PREFIX + "objects/" + documents.get(0);
        Map<String, String> original = removeWrappedKey(brokenKey);
        assertThrows(RotationIncompleteException.class,
                () -> computers.first().vault().rotate(passphrase(), KeyRotation.Progress.NONE));
        restoreMetadata(brokenKey, original);

        SealDropException refused = assertThrows(SealDropException.class,
                () -> computers.first().vault().retireKeyVersion(passphrase(), 1, KeyRotation.Progress.NONE));

        assertEquals("SD-KEY-IN-USE", refused.errorCode());
        assertTrue(refused.getMessage().startsWith("1 objects still use vault key version 1"), refused.getMessage());
        assertTrue(refused.getMessage().contains("sealdrop vault rotate"), refused.getMessage());
        assertEquals(List.of(1, 2), versions(bucketKeyFile()));

        computers.first().vault().rotate(passphrase(), KeyRotation.Progress.NONE);
        computers.first().vault().retireKeyVersion(passphrase(), 1, KeyRotation.Progress.NONE);

        assertEquals(List.of(2), versions(bucketKeyFile()));
        assertEquals(List.of(2), versions(KeyFileStore.read(computers.first().home().keyFile()).orElseThrow()));
        for (UUID id : documents) {
            try (OpenedDocument opened = computers.first().documents().open(id, TransferListener.NONE)) {
                assertArrayEquals(computers.source(id), opened.content());
            }
        }
        assertTrue(computers.first().flushAudit(Duration.ofSeconds(10)));
        assertTrue(computers.environment().receivedEvents().stream()
                .anyMatch(event -> "retire_key".equals(event.path("action").asText())
                        && "SD-KEY-IN-USE".equals(event.path("reason").asText())));
        assertTrue(computers.environment().receivedEvents().stream()
                .anyMatch(event -> "retire_key".equals(event.path("action").asText())
                        && "success".equals(event.path("outcome").asText())));
    }

    @Test
    void otherComputerCatchesUpAfterRetirement() throws Exception {
        List<UUID> fromSecond = computers.upload(computers.second(), Corpus.filesIn("images"));
        computers.first().vault().rotate(passphrase(), KeyRotation.Progress.NONE);
        computers.first().vault().retireKeyVersion(passphrase(), 1, KeyRotation.Progress.NONE);

        computers.second().vault().lock();
        computers.second().vault().unlock(passphrase());

        assertEquals(List.of(2), versions(KeyFileStore.read(computers.second().home().keyFile()).orElseThrow()));
        for (UUID id : fromSecond) {
            assertEquals(2, computers.second().transferContext().index().find(id).orElseThrow().vaultKeyVersion());
            try (OpenedDocument opened = computers.second().documents().open(id, TransferListener.NONE)) {
                assertArrayEquals(computers.source(id), opened.content());
            }
        }
    }

    private static List<Integer> versions(KeyFile file) {
        return file.keys().stream().map(WrappedVaultKey::keyVersion).toList();
    }

    private static char[] passphrase() {
        return TwoComputers.PASSPHRASE.toCharArray();
    }

    private KeyFile bucketKeyFile() {
        try (ObjectStore bucket = computers.environment().bucket()) {
            return KeyFile.parse(bucket.getSmall(TestEnvironment.PREFIX + "vault/keyfile.json").orElseThrow(), "test");
        }
    }

    private Map<String, String> removeWrappedKey(String key) {
        try (ObjectStore bucket = computers.environment().bucket()) {
            ObjectInfo info = bucket.head(key).orElseThrow();
            Map<String, String> without = new HashMap<>(info.metadata());
            without.remove(Uploader.WRAPPED_KEY_METADATA);
            bucket.replaceMetadata(key, info.eTag(), without);
            return info.metadata();
        }
    }

    private void restoreMetadata(String key, Map<String, String> metadata) {
        try (ObjectStore bucket = computers.environment().bucket()) {
            bucket.replaceMetadata(key, bucket.head(key).orElseThrow().eTag(), metadata);
        }
    }
}
