package org.sealdrop.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.testsupport.TestEnvironment;
import org.sealdrop.vault.KeyFileStore;
import org.sealdrop.vault.KeyRotation;

/** Which key file an unlock or a key management command trusts when the bucket's copy was changed. */
class KeyFileRefreshTest {

    private static final String KEY_FILE = TestEnvironment.PREFIX + "vault/keyfile.json";

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
    void tamperedBucketFileIsIgnoredAtUnlock() throws Exception {
        computers.first().vault().rotate(TwoComputers.PASSPHRASE.toCharArray(), KeyRotation.Progress.NONE);
        String json = new String(bucketKeyFile(), StandardCharsets.UTF_8);
        putBucketKeyFile(json.replace("\"rewrapPending\" : false", "\"rewrapPending\" : true").getBytes(StandardCharsets.UTF_8));
        byte[] secondCopy = Files.readAllBytes(computers.second().home().keyFile());

        computers.second().vault().lock();
        computers.second().vault().unlock(TwoComputers.PASSPHRASE.toCharArray());

        assertEquals(VaultState.UNLOCKED, computers.second().vault().state());
        assertArrayEquals(secondCopy, Files.readAllBytes(computers.second().home().keyFile()));
    }

    @Test
    void olderBucketFileIsRefusedAsRollback() throws Exception {
        byte[] versionOne = bucketKeyFile();
        computers.first().vault().rotate(TwoComputers.PASSPHRASE.toCharArray(), KeyRotation.Progress.NONE);
        putBucketKeyFile(versionOne);

        SealDropException e = assertThrows(SealDropException.class,
                () -> computers.first().vault().rotate(TwoComputers.PASSPHRASE.toCharArray(), KeyRotation.Progress.NONE));
        assertEquals("SD-KEYFILE-ROLLBACK", e.errorCode());

        computers.first().vault().lock();
        computers.first().vault().unlock(TwoComputers.PASSPHRASE.toCharArray());
        assertEquals(2, KeyFileStore.read(computers.first().home().keyFile()).orElseThrow().current().keyVersion());
    }

    @Test
    void unreachableBucketStillUnlocksTheLocalCopy() throws Exception {
        computers.second().vault().lock();
        computers.environment().s3().close();

        computers.second().vault().unlock(TwoComputers.PASSPHRASE.toCharArray());

        assertEquals(VaultState.UNLOCKED, computers.second().vault().state());
    }

    private byte[] bucketKeyFile() {
        try (ObjectStore bucket = computers.environment().bucket()) {
            return bucket.getSmall(KEY_FILE).orElseThrow();
        }
    }

    private void putBucketKeyFile(byte[] json) {
        try (ObjectStore bucket = computers.environment().bucket()) {
            bucket.putSmall(KEY_FILE, json, Map.of());
        }
    }
}
