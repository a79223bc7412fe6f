package org.sealdrop.audit;

import org.sealdrop.SealDropException;

/**
 * Limits on the text fields of an audit event. They keep every event small enough that a batch of
 * 100 stays far below the receiver's 1 MiB request limit, and they keep control characters out of
 * logs and reports built from events.
 *
 * <p>Messages name the field and the rule but never echo the value, because a caller that misuses a
 * field could have put PHI in it.
 */
final class EventFields {

    static final int MAX_USER_LENGTH = 256;
    static final int MAX_DEVICE_ID_LENGTH = 128;
    static final int MAX_APP_VERSION_LENGTH = 64;
    static final int MAX_REASON_LENGTH = 200;

    private EventFields() {
    }

    /** Checks that {@code value} is 1 to {@code maxLength} characters of text without control characters. */
    static String requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is missing; give a non-blank value.");
        }
        if (value.length() > maxLength) {
            throw invalid(field + " is longer than " + maxLength + " characters; shorten it.");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw invalid(field + " contains a control character at index " + i + "; remove it.");
            }
            if (Character.isSurrogate(c) && !isSurrogatePair(value, i)) {
                throw invalid(field + " contains an unpaired surrogate at index " + i + "; pass valid Unicode.");
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return value;
    }

    /**
     * Checks a reason: null, or 1 to 200 printable ASCII characters. ASCII keeps reasons to error codes
     * and short fixed phrases, and makes it harder to pass a document name through by mistake.
     */
    static String requireReason(String reason) {
        if (reason == null) {
            return null;
        }
        if (reason.isEmpty() || reason.length() > MAX_REASON_LENGTH) {
            throw invalid("reason must be 1 to " + MAX_REASON_LENGTH
                    + " characters; pass an error code such as SD-INTEGRITY or null.");
        }
        for (int i = 0; i < reason.length(); i++) {
            char c = reason.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw invalid("reason contains a character outside printable ASCII at index " + i
                        + "; pass an error code such as SD-INTEGRITY or short fixed text.");
            }
        }
        return reason;
    }

    private static boolean isSurrogatePair(String value, int index) {
        return Character.isHighSurrogate(value.charAt(index))
                && index + 1 < value.length()
                && Character.isLowSurrogate(value.charAt(index + 1));
    }

    static SealDropException invalid(String message) {
        return new SealDropException("SD-AUDIT-INVALID", "The audit event field " + message);
    }
}
