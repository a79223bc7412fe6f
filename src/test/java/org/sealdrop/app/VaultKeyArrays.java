package org.sealdrop.app;

import java.util.ArrayList;
import java.util.List;
import org.sealdrop.vault.VaultKeys;

/**
 * Test access to the arrays that hold the unlocked vault key versions, so a test can keep them
 * across a lock and check that the lock zeroed them.
 */
public final class VaultKeyArrays {

    private VaultKeyArrays() {
    }

    /** The live arrays (not copies) of vault key versions 1 to the current one; the vault must be unlocked. */
    public static List<byte[]> liveArrays(LocalServices services) {
        VaultKeys keys = services.unlockedKeys();
        List<byte[]> arrays = new ArrayList<>();
        for (int version = 1; version <= keys.currentVersion(); version++) {
            arrays.add(keys.version(version).bytes());
        }
        return arrays;
    }

    /** Tells whether every byte of every array is zero. */
    public static boolean allZero(List<byte[]> arrays) {
        for (byte[] array : arrays) {
            for (byte b : array) {
                if (b != 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
