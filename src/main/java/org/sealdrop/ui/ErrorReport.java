package org.sealdrop.ui;

import org.sealdrop.SealDropException;

/**
 * A failure as the window presents it to the user: a title, an explanation and details to copy for IT.
 *
 * <p>Failures with a known error code get their own explanation from the message bundle. Other
 * {@link SealDropException}s show their own message, which is PHI-free by contract. Any other
 * exception shows only its type, because its message may contain a file name or path.
 *
 * @param code stable error code, {@code SD-UNEXPECTED} for exceptions that are not SealDrop's
 * @param title short heading
 * @param text one or two sentences that say what happened and what to do
 * @param details error code, message and exception type, for copying into a support request
 */
public record ErrorReport(String code, String title, String text, String details) {

    public static final String WRONG_PASSPHRASE = "SD-WRONG-PASSPHRASE";
    public static final String S3_UNREACHABLE = "SD-S3-UNREACHABLE";
    public static final String S3_ACCESS_DENIED = "SD-S3-ACCESS-DENIED";
    public static final String INTEGRITY = "SD-INTEGRITY";
    public static final String UNEXPECTED = "SD-UNEXPECTED";

    /** Builds the report for {@code failure}, unwrapping a {@link SealDropException} cause if there is one. */
    public static ErrorReport of(Throwable failure) {
        SealDropException known = findSealDropException(failure);
        if (known == null) {
            String details = Messages.text("error.details.unexpected", UNEXPECTED, failure.getClass().getName());
            return new ErrorReport(UNEXPECTED, Messages.text("error.unexpected.title"),
                    Messages.text("error.unexpected.text"), details);
        }

        String code = known.errorCode();
        String details = Messages.text("error.details", code, known.getMessage(), known.getClass().getName());
        String key = "error." + code;
        if (Messages.has(key + ".title")) {
            return new ErrorReport(code, Messages.text(key + ".title"), Messages.text(key + ".text"), details);
        }
        return new ErrorReport(code, Messages.text("error.generic.title"), known.getMessage(), details);
    }

    private static SealDropException findSealDropException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SealDropException) {
                return (SealDropException) cause;
            }
        }
        return null;
    }
}
