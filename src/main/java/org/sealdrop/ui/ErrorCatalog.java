package org.sealdrop.ui;

import java.util.List;

/**
 * The one mapping from error codes to what the window shows: every view that reports a failure
 * (the error dialog, the unlock view, transfer rows, the viewer, the first-run wizard) goes through
 * it. It has no JavaFX types, so it is tested as a plain view model.
 *
 * <p>A known code reads its text from the bundle keys {@code error.known.CODE.title},
 * {@code .message} and {@code .next}. Any other code gets the generic title, the exception's own
 * message when it is a SealDrop exception (PHI-free by contract) and the generic next step.
 */
public final class ErrorCatalog {

    /** Code of every failure that is not a {@link org.sealdrop.SealDropException}. */
    public static final String INTERNAL = "SD-INTERNAL";

    /** Codes that have their own title, message and next step. */
    public static final List<String> KNOWN_CODES = List.of(
            "SD-WRONG-PASSPHRASE",
            "SD-PASSPHRASE-SHORT",
            "SD-VAULT-LOCKED",
            "SD-NO-VAULT",
            "SD-S3-UNREACHABLE",
            "SD-S3-TIMEOUT",
            "SD-S3-TLS",
            "SD-S3-ACCESS-DENIED",
            "SD-S3-NO-CREDENTIALS",
            "SD-S3-NO-BUCKET",
            "SD-S3-CLOCK-SKEW",
            "SD-S3-FAILED",
            "SD-S3-SIZE-MISMATCH",
            "SD-S3-TOO-LARGE",
            "SD-DOWNLOAD-FAILED",
            "SD-AUDIT-UNREACHABLE",
            "SD-AUDIT-BACKLOG",
            "SD-AUDIT-REJECTED",
            "SD-AUDIT-TOKEN",
            "SD-AUDIT-REFUSED",
            "SD-AUDIT-TLS",
            "SD-INTEGRITY",
            "SD-SOURCE-CHANGED",
            "SD-SOURCE-MISSING",
            "SD-SOURCE-UNREADABLE",
            "SD-SOURCE-UNAVAILABLE",
            "SD-INDEX-BUSY",
            "SD-EXPORT-DISABLED",
            "SD-PRINT-DISABLED",
            "SD-DELETE-DISABLED",
            "SD-SETTING-MANAGED");

    private ErrorCatalog() {
    }

    /** Tells whether {@code code} has its own text. */
    public static boolean isKnown(String code) {
        return KNOWN_CODES.contains(code);
    }

    /**
     * Returns the presentation of {@code code}.
     *
     * @param sealDropMessage the SealDrop exception's own message, shown for codes that are not
     *     known; {@code null} for failures that are not SealDrop exceptions, whose messages may contain
     *     file names or paths and are never shown
     */
    public static ErrorPresentation presentation(String code, String sealDropMessage) {
        if (isKnown(code)) {
            String key = "error.known." + code;
            return new ErrorPresentation(code, Messages.text(key + ".title"), Messages.text(key + ".message"),
                    Messages.text(key + ".next"), true);
        }
        String message = sealDropMessage != null && !INTERNAL.equals(code)
                ? sealDropMessage : Messages.text("error.unexpected.message");
        return new ErrorPresentation(code, Messages.text("error.unexpected.title"), message,
                Messages.text("error.unexpected.next"), false);
    }
}
