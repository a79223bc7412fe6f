package org.sealdrop.vault;

import org.sealdrop.SealDropException;

/** Thrown when a document operation needs the vault key while the vault is locked. */
public class VaultLockedException extends SealDropException {

    private static final long serialVersionUID = 1L;

    public VaultLockedException() {
        super("SD-VAULT-LOCKED", "The vault is locked; unlock it with the passphrase and try again.");
    }
}
