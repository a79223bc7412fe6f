package org.sealdrop.index;

import java.util.Locale;

/** State of a document row. A row exists only once S3 confirmed its object, so the first state is {@link #UPLOADED}. */
public enum DocumentStatus {
    /** S3 confirmed the complete object with the expected size. */
    UPLOADED,
    /** The last verification found the object altered or missing; it is never shown. */
    DAMAGED;

    /** The lower-case name used in the index and in listings. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DocumentStatus fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
