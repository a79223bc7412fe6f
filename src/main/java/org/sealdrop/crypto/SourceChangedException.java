package org.sealdrop.crypto;

import org.sealdrop.SealDropException;

/**
 * The plaintext source had more or fewer bytes than declared when its encryption started, which
 * means the file changed after it was hashed. The object being written must be discarded.
 */
public class SourceChangedException extends SealDropException {

    private static final long serialVersionUID = 1L;

    /** Stable error code of this failure. */
    public static final String CODE = "SD-SOURCE-CHANGED";

    public SourceChangedException(String message) {
        super(CODE, message);
    }
}
