package org.sealdrop.ui;

import java.time.Clock;
import java.util.UUID;
import org.sealdrop.SealDropException;

/**
 * A failure as the window presents it to the user: its presentation from {@link ErrorCatalog} and
 * the details to copy for IT from {@link ErrorDetails}.
 *
 * <p>The code is the first {@link SealDropException}'s in the cause chain, or
 * {@value ErrorCatalog#INTERNAL} when there is none. Then neither the title, the text nor the
 * details contain the exception's message, because it may contain a file name or path.
 *
 * @param presentation title, message and next step of the code
 * @param details code, time, versions, document id and exception chain, for a support request
 */
public record ErrorReport(ErrorPresentation presentation, String details) {

    public static final String WRONG_PASSPHRASE = "SD-WRONG-PASSPHRASE";
    public static final String S3_UNREACHABLE = "SD-S3-UNREACHABLE";
    public static final String S3_ACCESS_DENIED = "SD-S3-ACCESS-DENIED";
    public static final String INTEGRITY = "SD-INTEGRITY";
    public static final String UNEXPECTED = ErrorCatalog.INTERNAL;

    /** Builds the report for {@code failure}, unwrapping a {@link SealDropException} cause if there is one. */
    public static ErrorReport of(Throwable failure) {
        return of(failure, null, Clock.systemUTC());
    }

    /**
     * Builds the report for {@code failure} of an action on the document {@code documentId}.
     *
     * @param documentId the document's id for the details, or {@code null}
     */
    public static ErrorReport of(Throwable failure, UUID documentId, Clock clock) {
        SealDropException known = findSealDropException(failure);
        String code = known == null ? ErrorCatalog.INTERNAL : known.errorCode();
        ErrorPresentation presentation = ErrorCatalog.presentation(code, known == null ? null : known.getMessage());
        return new ErrorReport(presentation, ErrorDetails.of(failure, code, documentId, clock));
    }

    public String code() {
        return presentation.code();
    }

    public String title() {
        return presentation.title();
    }

    /** Returns what happened and what to do next, as one paragraph. */
    public String text() {
        return presentation.text();
    }

    /** Tells whether the code has its own text rather than the generic one. */
    public boolean known() {
        return presentation.known();
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
