package org.sealdrop.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.sealdrop.SealDropException;
import org.sealdrop.crypto.Argon2Parameters;
import org.sealdrop.crypto.KeyWrapping;
import org.sealdrop.crypto.PassphraseKdf;
import org.sealdrop.crypto.SecretKeyBytes;

class VaultKeyFilesTest {

    static final Argon2Settings CHEAP = new Argon2Settings(19 * 1024, 1, 1);
    static final String PASSPHRASE = "a long clinic passphrase";

    private final VaultKeyFiles keyFiles = new VaultKeyFiles(new SecureRandom(), Clock.systemUTC(), CHEAP);

    @Test
    void createdKeyFileUnlocksWithItsPassphraseAfterJsonRoundTrip() {
        VaultKeyFiles.Created created = keyFiles.create(PASSPHRASE.toCharArray());
        KeyFile parsed = KeyFile.parse(created.keyFile().toJson(), "test");

        assertEquals(2, parsed.version());
        try (VaultKeys unlocked = keyFiles.unlock(parsed, PASSPHRASE.toCharArray())) {
            assertEquals(1, unlocked.currentVersion());
            assertArrayEquals(created.keys().current().bytes(), unlocked.current().bytes());
        }
    }

    @Test
    void recoveryKeyUnlocksTheSameVaultKey() {
        VaultKeyFiles.Created created = keyFiles.create(PASSPHRASE.toCharArray());
        KeyFile parsed = KeyFile.parse(created.keyFile().toJson(), "test");

        try (RecoveryKey typedBack = RecoveryKey.parse(created.recoveryKey().format());
                VaultKeys unlocked = keyFiles.unlockWithRecoveryKey(parsed, typedBack)) {
            assertArrayEquals(created.keys().current().bytes(), unlocked.current().bytes());
        }
    }

    @Test
    void keyFileStoresNoRecoveryKeyInClear() {
        VaultKeyFiles.Created created = keyFiles.create(PASSPHRASE.toCharArray());
        String json = new String(created.keyFile().toJson(), StandardCharsets.UTF_8);
        byte[] recovery = created.recoveryKey().bytes();

        assertFalse(json.contains(HexFormat.of().formatHex(recovery)));
        assertFalse(json.contains(Base64.getEncoder().encodeToString(recovery)));
        assertFalse(json.contains(new String(created.recoveryKey().format()).substring(0, 11)));
    }

    @Test
    void recoveryKeyOfAnotherVaultIsNamedAsSuch() {
        KeyFile file = keyFiles.create(PASSPHRASE.toCharArray()).keyFile();
        RecoveryKey other = keyFiles.create(PASSPHRASE.toCharArray()).recoveryKey();

        SealDropException e = assertThrows(SealDropException.class, () -> keyFiles.unlockWithRecoveryKey(file, other));
        assertEquals("SD-WRONG-RECOVERY-KEY", e.errorCode());
    }

    @Test
    void wrongPassphraseIsReportedAsSuch() {
        KeyFile file = keyFiles.create(PASSPHRASE.toCharArray()).keyFile();
        SealDropException e = assertThrows(WrongPassphraseException.class,
                () -> keyFiles.unlock(file, "a long clinic passphrasE".toCharArray()));
        assertEquals("SD-WRONG-PASSPHRASE", e.errorCode());
    }

    @Test
    void shortPassphraseIsRejectedAtCreation() {
        SealDropException e = assertThrows(SealDropException.class, () -> keyFiles.create("short".toCharArray()));
        assertEquals("SD-PASSPHRASE-SHORT", e.errorCode());
        assertTrue(e.getMessage().contains("5 characters"), e.getMessage());
    }

    @Test
    void keyFileFromAnotherVaultDoesNotUnlock() {
        KeyFile first = keyFiles.create(PASSPHRASE.toCharArray()).keyFile();
        KeyFile second = keyFiles.create(PASSPHRASE.toCharArray()).keyFile();
        KeyFile swapped = new KeyFile(KeyFile.FORMAT, 2, second.vaultId(), first.createdAt(), first.passphrase(),
                first.recovery(), first.keys(), false, first.mac());
        assertThrows(WrongPassphraseException.class, () -> keyFiles.unlock(swapped, PASSPHRASE.toCharArray()));
    }

    @Test
    void weakenedArgon2ParametersAreRejected() {
        KeyFile file = keyFiles.create(PASSPHRASE.toCharArray()).keyFile();
        PassphraseSlot slot = file.passphrase();
        PassphraseSlot weakened = new PassphraseSlot(slot.kdf(), 8, 1, 1, slot.salt());
        KeyFile tampered = new KeyFile(KeyFile.FORMAT, 2, file.vaultId(), file.createdAt(), weakened, file.recovery(),
                file.keys(), false, file.mac());
        SealDropException e = assertThrows(SealDropException.class, () -> KeyFile.parse(tampered.toJson(), "the bucket"));
        assertEquals("SD-KEYFILE-INVALID", e.errorCode());
    }

    @Test
    void swappedRecoveryPublicKeyFailsTheMac() {
        KeyFile file = keyFiles.create(PASSPHRASE.toCharArray()).keyFile();
        KeyFile attacker = keyFiles.create(PASSPHRASE.toCharArray()).keyFile();
        KeyFile tampered = new KeyFile(KeyFile.FORMAT, 2, file.vaultId(), file.createdAt(), file.passphrase(),
                attacker.recovery(), file.keys(), false, file.mac());

        SealDropException e = assertThrows(SealDropException.class,
                () -> keyFiles.unlock(KeyFile.parse(tampered.toJson(), "test"), PASSPHRASE.toCharArray()));
        assertEquals("SD-KEYFILE-TAMPERED", e.errorCode());
    }

    @Test
    void droppedNewestVersionFailsTheMac() {
        VaultKeyFiles.Created created = keyFiles.create(PASSPHRASE.toCharArray());
        KeyFile rotated = new KeyFileChanges(keyFiles).addVersion(created.keyFile(), PASSPHRASE.toCharArray()).keyFile();
        KeyFile rolledBack = new KeyFile(KeyFile.FORMAT, 2, rotated.vaultId(), rotated.createdAt(), rotated.passphrase(),
                rotated.recovery(), rotated.keys().subList(0, 1), true, rotated.mac());

        SealDropException e = assertThrows(SealDropException.class,
                () -> keyFiles.unlock(rolledBack, PASSPHRASE.toCharArray()));
        assertEquals("SD-KEYFILE-TAMPERED", e.errorCode());
    }

    @Test
    void flippedRotationStateFailsTheMac() {
        KeyFile file = keyFiles.create(PASSPHRASE.toCharArray()).keyFile();
        KeyFile flipped = new KeyFile(KeyFile.FORMAT, 2, file.vaultId(), file.createdAt(), file.passphrase(),
                file.recovery(), file.keys(), true, file.mac());
        SealDropException e = assertThrows(SealDropException.class, () -> keyFiles.unlock(flipped, PASSPHRASE.toCharArray()));
        assertEquals("SD-KEYFILE-TAMPERED", e.errorCode());
    }

    @Test
    void missingMacIsRejectedInVersionTwo() {
        KeyFile file = keyFiles.create(PASSPHRASE.toCharArray()).keyFile();
        KeyFile unsigned = new KeyFile(KeyFile.FORMAT, 2, file.vaultId(), file.createdAt(), file.passphrase(),
                file.recovery(), file.keys(), false, null);
        SealDropException e = assertThrows(SealDropException.class, () -> KeyFile.parse(unsigned.toJson(), "test"));
        assertEquals("SD-KEYFILE-INVALID", e.errorCode());
    }

    @Test
    void unknownLayoutVersionAsksForNewerSealDrop() {
        String json = "{\"format\":\"sealdrop-keyfile\",\"version\":3}";
        SealDropException e = assertThrows(SealDropException.class,
                () -> KeyFile.parse(json.getBytes(StandardCharsets.UTF_8), "test"));
        assertEquals("SD-KEYFILE-VERSION", e.errorCode());
    }

    @Test
    void layoutVersionOneStillUnlocks() {
        SecureRandom random = new SecureRandom();
        java.util.UUID vaultId = java.util.UUID.randomUUID();
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] wrapped;
        byte[] vaultKey;
        try (SecretKeyBytes key = SecretKeyBytes.random(random);
                SecretKeyBytes kek = PassphraseKdf.deriveKey(PASSPHRASE.toCharArray(), new Argon2Parameters(19 * 1024, 1, 1, salt))) {
            wrapped = KeyWrapping.wrap(kek, key, VaultKeys.keyFileAad(vaultId, 1), random);
            vaultKey = key.bytes().clone();
        }
        String json = "{\"format\":\"sealdrop-keyfile\",\"version\":1,\"vaultId\":\"" + vaultId
                + "\",\"createdAt\":\"2025-01-02T03:04:05Z\",\"keys\":[{\"keyVersion\":1,\"kdf\":\"argon2id\","
                + "\"memoryKiB\":19456,\"iterations\":1,\"parallelism\":1,\"salt\":\"" + Base64.getEncoder().encodeToString(salt)
                + "\",\"wrappedKey\":\"" + Base64.getEncoder().encodeToString(wrapped) + "\"}]}";

        KeyFile legacy = KeyFile.parse(json.getBytes(StandardCharsets.UTF_8), "test");

        assertEquals(1, legacy.version());
        assertEquals(null, legacy.recovery());
        try (VaultKeys keys = keyFiles.unlock(legacy, PASSPHRASE.toCharArray())) {
            assertArrayEquals(vaultKey, keys.current().bytes());
            KeyFile upgraded = new KeyFileChanges(keyFiles).changePassphrase(legacy, keys, "another long passphrase".toCharArray());
            assertEquals(2, KeyFile.parse(upgraded.toJson(), "test").version());
        }
    }

    @Test
    void twoUnlocksAtOnceBothSucceed() throws Exception {
        KeyFile file = KeyFile.parse(keyFiles.create(PASSPHRASE.toCharArray()).keyFile().toJson(), "test");
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> unlock = () -> {
            start.await();
            try (VaultKeys keys = keyFiles.unlock(file, PASSPHRASE.toCharArray())) {
                return keys.currentVersion();
            }
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>(List.of(threads.submit(unlock), threads.submit(unlock)));
            start.countDown();
            for (Future<Integer> result : results) {
                assertEquals(1, result.get());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void lockedKeysRefuseUse() {
        VaultKeys keys = keyFiles.create(PASSPHRASE.toCharArray()).keys();
        keys.close();
        assertThrows(VaultLockedException.class, keys::current);
    }
}
