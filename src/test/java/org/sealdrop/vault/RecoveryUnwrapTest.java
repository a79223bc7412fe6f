package org.sealdrop.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sealdrop.SealDropException;

/**
 * A recovery wrap whose encapsulated key is a low-order X25519 point makes the key agreement fail
 * inside Bouncy Castle. Someone who can write the key file in the bucket can plant such a wrap, so
 * the recovery unlock must report it as a tampered file, like any other wrap that does not open.
 */
class RecoveryUnwrapTest {

    /** X25519 points of small order (RFC 7748 section 6.1 lets a receiver reject the all-zero secret they give). */
    private static final byte[][] LOW_ORDER_POINTS = {
        new byte[32],
        littleEndian(1),
    };

    private static byte[] littleEndian(int value) {
        byte[] point = new byte[32];
        point[0] = (byte) value;
        return point;
    }

    @Test
    void lowOrderEncapsulatedKeyIsTampering() {
        VaultKeyFiles keyFiles = new VaultKeyFiles(new SecureRandom(), Clock.systemUTC(), VaultKeyFilesTest.CHEAP);
        VaultKeyFiles.Created created = keyFiles.create("a passphrase for the tests".toCharArray());
        KeyFile file = created.keyFile();

        for (byte[] point : LOW_ORDER_POINTS) {
            WrappedVaultKey key = file.current();
            byte[] wrap = key.recoveryWrap();
            System.arraycopy(point, 0, wrap, 1, point.length);
            KeyFile altered = new KeyFile(file.format(), file.version(), file.vaultId(), file.createdAt(),
                    file.passphrase(), file.recovery(),
                    List.of(new WrappedVaultKey(key.keyVersion(), key.createdAt(), key.passphraseWrap(), wrap)),
                    file.rewrapPending(), file.mac());

            SealDropException e = assertThrows(SealDropException.class,
                    () -> keyFiles.unlockWithRecoveryKey(altered, created.recoveryKey()),
                    "encapsulated key " + Arrays.toString(point));
            assertEquals("SD-KEYFILE-TAMPERED", e.errorCode());
        }
    }
}
