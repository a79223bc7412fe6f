package org.sealdrop.vault;

import org.sealdrop.SealDropException;

/**
 * A typed recovery key is malformed: a character outside the alphabet, a wrong length or a group whose
 * check character does not match. The message names the position or group, never a character of the key.
 */
public class InvalidRecoveryKeyException extends SealDropException {

    private static final long serialVersionUID = 1L;

    /** Stable error code of this failure. */
    public static final String CODE = "SD-RECOVERY-KEY-TYPO";

    InvalidRecoveryKeyException(String message) {
        super(CODE, message);
    }
}
