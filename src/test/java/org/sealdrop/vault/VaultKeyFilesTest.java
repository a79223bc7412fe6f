package org.sealdrop.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sealdrop.SealDropException;

class VaultKeyFilesTest {

    private static final Argon2Settings CHEAP = new Argon2Settings(19 * 1024, 1, 1);

    private final VaultKeyFiles keyFiles = new VaultKeyFiles(new SecureRandom(), Clock.systemUTC(), CHEAP);

    @Test
    void createdKeyFileUnlocksWithItsPassphraseAfterJsonRoundTrip() {
        VaultKeyFiles.Created created = keyFiles.create("a long clinic passphrase".toCharArray());
        KeyFile parsed = KeyFile.parse(created.keyFile().toJson(), "test");

        try (VaultKeys unlocked = keyFiles.unlock(parsed, "a long clinic passphrase".toCharArray())) {
            assertEquals(1, unlocked.currentVersion());
            assertArrayEquals(created.keys().current().bytes(), unlocked.current().bytes());
        }
    }

    @Test
    void wrongPassphraseIsReportedAsSuch() {
        KeyFile file = keyFiles.create("a long clinic passphrase".toCharArray()).keyFile();
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
        KeyFile first = keyFiles.create("a long clinic passphrase".toCharArray()).keyFile();
        KeyFile second = keyFiles.create("a long clinic passphrase".toCharArray()).keyFile();
        KeyFile swapped = new KeyFile(KeyFile.FORMAT, 1, second.vaultId(), first.createdAt(), first.keys());
        assertThrows(WrongPassphraseException.class, () -> keyFiles.unlock(swapped, "a long clinic passphrase".toCharArray()));
    }

    @Test
    void weakenedArgon2ParametersAreRejected() {
        KeyFile file = keyFiles.create("a long clinic passphrase".toCharArray()).keyFile();
        WrappedVaultKey key = file.current();
        WrappedVaultKey weakened = new WrappedVaultKey(key.keyVersion(), key.kdf(), 8, 1, 1, key.salt(), key.wrappedKey());
        KeyFile tampered = new KeyFile(KeyFile.FORMAT, 1, file.vaultId(), file.createdAt(), List.of(weakened));
        SealDropException e = assertThrows(SealDropException.class, () -> KeyFile.parse(tampered.toJson(), "the bucket"));
        assertEquals("SD-KEYFILE-INVALID", e.errorCode());
    }

    @Test
    void lockedKeysRefuseUse() {
        VaultKeys keys = keyFiles.create("a long clinic passphrase".toCharArray()).keys();
        keys.close();
        assertThrows(VaultLockedException.class, keys::current);
    }
}
