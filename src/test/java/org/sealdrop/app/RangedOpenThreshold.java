package org.sealdrop.app;

/**
 * Lowers the size above which {@link LocalServices#documents()} opens PDFs ranged, so tests in other
 * packages can open a PDF of a few MiB ranged instead of generating one above the default threshold.
 */
public final class RangedOpenThreshold {

    private RangedOpenThreshold() {
    }

    public static void set(LocalServices services, long bytes) {
        ((LocalDocuments) services.documents()).setRangedOpenThreshold(bytes);
    }
}
