package org.sealdrop.audit;

import java.util.Locale;
import org.sealdrop.SealDropException;

/** The result of an audited action. On the wire each outcome is its name in lower case. */
public enum Outcome {
    SUCCESS, FAILURE, DENIED;

    /** Returns the name used in events on the wire, such as {@code denied}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the outcome with the wire name {@code wireName}.
     *
     * @throws SealDropException with code {@code SD-AUDIT-INVALID} for an unknown name
     */
    public static Outcome fromWireName(String wireName) {
        for (Outcome outcome : values()) {
            if (outcome.wireName().equals(wireName)) {
                return outcome;
            }
        }
        throw new SealDropException("SD-AUDIT-INVALID", "The audit outcome '" + wireName
                + "' is unknown; use success, failure or denied.");
    }
}
