package org.sealdrop;

/**
 * Base of every failure that SealDrop reports to a user or an administrator.
 *
 * <p>The message is one plain sentence that names the value involved and what to do next. It never
 * contains PHI (document names, patient references, document text) or secrets, because messages
 * reach logs, the command line and error dialogs. The error code is stable across versions so that
 * IT can search for it.
 */
public class SealDropException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String errorCode;

    public SealDropException(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public SealDropException(String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    /** Stable identifier of the failure, such as {@code SD-INTEGRITY}. */
    public String errorCode() {
        return errorCode;
    }
}
