package org.sealdrop.crypto.independent.format;

/**
 * The independent reader rejected an object or a wrapped key. It is unrelated to the production
 * exceptions on purpose, so a test can tell which implementation raised a failure.
 */
public final class ObjectRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the reader rejected the input, as docs/FORMAT.md separates the two cases. */
    public enum Kind {
        /** An unknown format version, suite or wrap format version: a newer writer, not tampering. */
        UNSUPPORTED,
        /** Anything else: damaged, altered, or belonging to another document or key. */
        INTEGRITY
    }

    private final Kind kind;

    public ObjectRejectedException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ObjectRejectedException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static ObjectRejectedException integrity(String message) {
        return new ObjectRejectedException(Kind.INTEGRITY, message);
    }

    static ObjectRejectedException unsupported(String message) {
        return new ObjectRejectedException(Kind.UNSUPPORTED, message);
    }
}
