package org.sealdrop.doctor;

/** Outcome of one doctor check; only {@link #FAIL} makes {@code sealdrop doctor} exit with 1. */
public enum CheckStatus {
    OK("ok"), WARN("warn"), FAIL("FAIL"), SKIP("skip");

    private final String label;

    CheckStatus(String label) {
        this.label = label;
    }

    /** Returns the word printed at the start of the checklist line. */
    public String label() {
        return label;
    }
}
