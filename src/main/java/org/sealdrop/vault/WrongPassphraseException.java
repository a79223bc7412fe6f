package org.sealdrop.vault;

import org.sealdrop.SealDropException;

/** The passphrase did not unwrap the vault key. Nothing was unlocked and no state changed. */
public class WrongPassphraseException extends SealDropException {

    private static final long serialVersionUID = 1L;

    public WrongPassphraseException() {
        super("SD-WRONG-PASSPHRASE", "The passphrase is wrong; check the keyboard layout and Caps Lock and try again.");
    }
}
