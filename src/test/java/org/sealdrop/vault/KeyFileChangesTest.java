package org.sealdrop.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sealdrop.SealDropException;

/** Changes to an unlocked key file, each checked by unlocking the result after a JSON round trip. */
class KeyFileChangesTest {

    private static final String PASSPHRASE = VaultKeyFilesTest.PASSPHRASE;
    private static final String NEW_PASSPHRASE = "the replacement passphrase";

    private final VaultKeyFiles keyFiles = new VaultKeyFiles(new SecureRandom(), Clock.systemUTC(), VaultKeyFilesTest.CHEAP);
    private final KeyFileChanges changes = new KeyFileChanges(keyFiles);
    private final VaultKeyFiles.Created created = keyFiles.create(PASSPHRASE.toCharArray());

    @Test
    void newVersionOpensWithPassphraseAndRecoveryKey() {
        KeyFileChanges.Changed added = changes.addVersion(created.keyFile(), PASSPHRASE.toCharArray());
        KeyFile file = roundTrip(added.keyFile());

        assertEquals(List.of(1, 2), file.keys().stream().map(WrappedVaultKey::keyVersion).toList());
        assertTrue(file.rewrapPending());
        try (VaultKeys byPassphrase = keyFiles.unlock(file, PASSPHRASE.toCharArray());
                VaultKeys byRecovery = keyFiles.unlockWithRecoveryKey(file, created.recoveryKey())) {
            assertEquals(2, byPassphrase.currentVersion());
            assertArrayEquals(added.keys().current().bytes(), byPassphrase.current().bytes());
            assertArrayEquals(added.keys().current().bytes(), byRecovery.current().bytes());
            assertArrayEquals(created.keys().version(1).bytes(), byPassphrase.version(1).bytes());
        }
    }

    @Test
    void newVersionNeedsTheRightPassphrase() {
        assertThrows(WrongPassphraseException.class,
                () -> changes.addVersion(created.keyFile(), "not the vault passphrase".toCharArray()));
    }

    @Test
    void finishedRotationClearsThePendingMark() {
        KeyFileChanges.Changed added = changes.addVersion(created.keyFile(), PASSPHRASE.toCharArray());
        KeyFile finished = roundTrip(changes.finishRewrap(added.keyFile(), added.keys()));

        assertFalse(finished.rewrapPending());
        keyFiles.unlock(finished, PASSPHRASE.toCharArray()).close();
    }

    @Test
    void changedPassphraseReplacesTheOldOne() {
        KeyFile changed = roundTrip(changes.changePassphrase(created.keyFile(), created.keys(), NEW_PASSPHRASE.toCharArray()));

        assertThrows(WrongPassphraseException.class, () -> keyFiles.unlock(changed, PASSPHRASE.toCharArray()));
        try (VaultKeys keys = keyFiles.unlock(changed, NEW_PASSPHRASE.toCharArray());
                VaultKeys byRecovery = keyFiles.unlockWithRecoveryKey(changed, created.recoveryKey())) {
            assertArrayEquals(created.keys().current().bytes(), keys.current().bytes());
            assertArrayEquals(created.keys().current().bytes(), byRecovery.current().bytes());
        }
    }

    @Test
    void changedPassphraseGetsAFreshSalt() {
        KeyFile changed = changes.changePassphrase(created.keyFile(), created.keys(), NEW_PASSPHRASE.toCharArray());
        assertFalse(java.util.Arrays.equals(created.keyFile().passphrase().salt(), changed.passphrase().salt()));
    }

    @Test
    void shortNewPassphraseIsRejected() {
        SealDropException e = assertThrows(SealDropException.class,
                () -> changes.changePassphrase(created.keyFile(), created.keys(), "short".toCharArray()));
        assertEquals("SD-PASSPHRASE-SHORT", e.errorCode());
    }

    @Test
    void replacedRecoveryKeyRetiresTheOldOne() {
        KeyFileChanges.Recovery replaced = changes.replaceRecoveryKey(created.keyFile(), created.keys());
        KeyFile file = roundTrip(replaced.keyFile());

        SealDropException e = assertThrows(SealDropException.class,
                () -> keyFiles.unlockWithRecoveryKey(file, created.recoveryKey()));
        assertEquals("SD-WRONG-RECOVERY-KEY", e.errorCode());
        try (VaultKeys keys = keyFiles.unlockWithRecoveryKey(file, replaced.recoveryKey())) {
            assertArrayEquals(created.keys().current().bytes(), keys.current().bytes());
        }
    }

    @Test
    void retiredVersionLeavesTheFile() {
        KeyFileChanges.Changed added = changes.addVersion(created.keyFile(), PASSPHRASE.toCharArray());
        KeyFile retired = roundTrip(changes.withoutVersion(added.keyFile(), added.keys(), 1));

        assertEquals(List.of(2), retired.keys().stream().map(WrappedVaultKey::keyVersion).toList());
        try (VaultKeys keys = keyFiles.unlock(retired, PASSPHRASE.toCharArray())) {
            assertEquals(List.of(2), keys.versions());
        }
    }

    @Test
    void newestVersionCannotBeRetired() {
        SealDropException e = assertThrows(SealDropException.class,
                () -> changes.withoutVersion(created.keyFile(), created.keys(), 1));
        assertEquals("SD-KEY-VERSION-CURRENT", e.errorCode());
        assertTrue(e.getMessage().contains("sealdrop vault rotate"), e.getMessage());
    }

    @Test
    void unknownVersionCannotBeRetired() {
        SealDropException e = assertThrows(SealDropException.class,
                () -> changes.withoutVersion(created.keyFile(), created.keys(), 7));
        assertEquals("SD-KEY-VERSION", e.errorCode());
    }

    @Test
    void versionNumbersKeepGrowingAfterRetirement() {
        KeyFileChanges.Changed second = changes.addVersion(created.keyFile(), PASSPHRASE.toCharArray());
        KeyFile retired = changes.withoutVersion(second.keyFile(), second.keys(), 1);
        KeyFileChanges.Changed third = changes.addVersion(retired, PASSPHRASE.toCharArray());

        assertEquals(List.of(2, 3), third.keyFile().keys().stream().map(WrappedVaultKey::keyVersion).toList());
    }

    private static KeyFile roundTrip(KeyFile file) {
        return KeyFile.parse(file.toJson(), "test");
    }
}
