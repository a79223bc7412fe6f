package org.sealdrop.ui;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.UUID;
import org.sealdrop.SealDropException;
import org.sealdrop.app.LocalServices;

/**
 * The "Details for IT" text of a failure, which the error dialog shows for copying and which is also
 * logged: the error code, the time in UTC, the SealDrop, OS and Java versions, the document id if
 * any, and each exception of the cause chain with its class and stack frames.
 *
 * <p>Only messages of {@link SealDropException}s appear, because they are PHI-free by contract. The
 * messages of JDK and library exceptions are left out: they often name a file or path, and a
 * document's name is PHI.
 */
public final class ErrorDetails {

    /** Stack frames kept per exception; the rest are counted, so the text stays short enough to paste. */
    static final int MAX_FRAMES = 25;

    private static final int MAX_CAUSES = 10;

    private ErrorDetails() {
    }

    /**
     * Builds the details of {@code failure}.
     *
     * @param code the error code the window shows for it
     * @param documentId the document the action was about, or {@code null}
     */
    public static String of(Throwable failure, String code, UUID documentId, Clock clock) {
        StringBuilder text = new StringBuilder();
        text.append("Error code: ").append(code).append('\n');
        text.append("Time (UTC): ")
                .append(DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)))
                .append('\n');
        text.append("SealDrop: ").append(LocalServices.APP_VERSION).append('\n');
        text.append("OS: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(" (").append(System.getProperty("os.arch")).append(")\n");
        text.append("Java: ").append(System.getProperty("java.version")).append(" (")
                .append(System.getProperty("java.vendor")).append(")\n");
        if (documentId != null) {
            text.append("Document id: ").append(documentId).append('\n');
        }
        appendChain(text, failure);
        return text.toString();
    }

    private static void appendChain(StringBuilder text, Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        String heading = "Exception: ";
        int depth = 0;
        for (Throwable cause = failure; cause != null && seen.add(cause) && depth < MAX_CAUSES;
                cause = cause.getCause(), depth++) {
            text.append(heading).append(cause.getClass().getName());
            if (cause instanceof SealDropException known) {
                text.append(" [").append(known.errorCode()).append("]: ").append(known.getMessage());
            }
            text.append('\n');
            appendFrames(text, cause.getStackTrace());
            heading = "Caused by: ";
        }
    }

    private static void appendFrames(StringBuilder text, StackTraceElement[] frames) {
        int shown = Math.min(frames.length, MAX_FRAMES);
        for (int i = 0; i < shown; i++) {
            StackTraceElement frame = frames[i];
            // Class, method, source file name and line only: a frame names no data, but its
            // toString() may add a class loader or module name, which is noise for IT.
            text.append("    at ").append(frame.getClassName()).append('.').append(frame.getMethodName())
                    .append('(').append(frame.getFileName() == null ? "Unknown Source" : frame.getFileName());
            if (frame.getLineNumber() >= 0) {
                text.append(':').append(frame.getLineNumber());
            }
            text.append(")\n");
        }
        if (frames.length > shown) {
            text.append("    ... ").append(frames.length - shown).append(" more\n");
        }
    }
}
