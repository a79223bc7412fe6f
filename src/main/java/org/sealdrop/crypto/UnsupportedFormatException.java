package org.sealdrop.crypto;

/**
 * An object or wrapped key was written in a format version or algorithm suite that this SealDrop
 * version does not know, most likely by a newer SealDrop.
 *
 * <p>It extends {@link IntegrityException} because the content cannot be verified, so callers that
 * reject unverified content keep doing so. Its own error code directs IT to update SealDrop rather
 * than look for tampering.
 */
public class UnsupportedFormatException extends IntegrityException {

    private static final long serialVersionUID = 1L;

    /** Stable error code of this failure. */
    public static final String CODE = "SD-FORMAT-UNSUPPORTED";

    public UnsupportedFormatException(String what, int value) {
        super(CODE, "The " + what + " " + value + " is not supported by this SealDrop version, "
                + "so update SealDrop on this computer and try again.", null);
    }
}
