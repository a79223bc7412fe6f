package org.sealdrop.crypto;

import java.util.UUID;

import org.sealdrop.SealDropException;

/**
 * An object, its metadata or a wrapped key failed authentication: it was altered, truncated, or
 * belongs to another document or key. Nothing of it may be shown or saved.
 *
 * <p>The message names the document id and the check that failed, never the document name or any key.
 */
public class IntegrityException extends SealDropException {

    private static final long serialVersionUID = 1L;

    /** Stable error code of this failure. */
    public static final String CODE = "SD-INTEGRITY";

    public IntegrityException(String message) {
        super(CODE, message);
    }

    public IntegrityException(String message, Throwable cause) {
        super(CODE, message, cause);
    }

    /** For subclasses that refine the failure under their own error code. */
    protected IntegrityException(String errorCode, String message, Throwable cause) {
        super(errorCode, message, cause);
    }

    /** Builds the message for a document whose id is known, such as "chunk 3 has an invalid tag". */
    static IntegrityException forDocument(UUID documentId, String failedCheck) {
        return forDocument(documentId, failedCheck, null);
    }

    static IntegrityException forDocument(UUID documentId, String failedCheck, Throwable cause) {
        return new IntegrityException("Document " + documentId + " failed verification because " + failedCheck
                + ", so it was altered or belongs elsewhere: do not use it and report it to IT.", cause);
    }

    /** Builds the message for an object whose document id is not known yet or not trusted. */
    static IntegrityException forObject(String failedCheck) {
        return new IntegrityException("The object failed verification because " + failedCheck
                + ", so it was altered or is not a SealDrop object: do not use it and report it to IT.");
    }
}
