package org.sealdrop.app;

/** Where this device stands with its vault. */
public enum VaultState {
    /** No vault was created or joined from this home folder yet: show the first-run dialog. */
    NOT_CONFIGURED,
    /** Settings and key file are present, the vault key is not in memory: ask for the passphrase. */
    LOCKED,
    /** The vault key is in memory; documents can be added and opened. */
    UNLOCKED
}
