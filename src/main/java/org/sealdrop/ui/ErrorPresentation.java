package org.sealdrop.ui;

/**
 * How the window presents one error code: a heading, what happened and what to do next.
 *
 * @param code stable error code, such as {@code SD-INTEGRITY}
 * @param title short heading
 * @param message one sentence that states what failed
 * @param nextStep one sentence that tells the user what to do next
 * @param known {@code true} when the code has its own text in the message bundle, {@code false} for
 *     failures that fall back to the generic "Something went wrong" presentation
 */
public record ErrorPresentation(String code, String title, String message, String nextStep, boolean known) {

    /** Returns the message and the next step as one paragraph, for a label or a transfer row. */
    public String text() {
        return nextStep.isEmpty() ? message : message + " " + nextStep;
    }
}
