package org.sealdrop.viewer;

import org.sealdrop.SealDropException;

/** The failures of the viewer package, with messages that contain no document content or name. */
final class ViewerErrors {

    static final String DAMAGED = "SD-VIEWER-DAMAGED";
    static final String PDF_PASSWORD = "SD-VIEWER-PDF-PASSWORD";
    /** Code of a verification failure of ranged content, which the viewer passes on unchanged. */
    static final String INTEGRITY = "SD-INTEGRITY";

    private ViewerErrors() {
    }

    /** Creates the failure for bytes that the parser or decoder rejected; {@code what} is "PDF" or "image". */
    static SealDropException damaged(String what, Throwable cause) {
        return new SealDropException(DAMAGED, "The " + what + " could not be read because it is damaged"
                + " or uses a feature the viewer does not support; save a decrypted copy and open it in"
                + " another program.", cause);
    }

    static SealDropException pdfPassword(Throwable cause) {
        return new SealDropException(PDF_PASSWORD, "The PDF is protected by its own password, and no"
                + " password or a wrong one was given; enter the password the sender gave you.", cause);
    }

    /** Checks a page index and zoom against the contract of {@link PageRenderer#render}. */
    static void checkPageRequest(int pageIndex, int pageCount, float zoom) {
        if (pageIndex < 0 || pageIndex >= pageCount) {
            throw new IllegalArgumentException("Page index " + pageIndex + " is outside 0.." + (pageCount - 1) + ".");
        }
        if (!(zoom > 0f) || Float.isInfinite(zoom)) {
            throw new IllegalArgumentException("Zoom must be a positive finite number, got " + zoom + ".");
        }
    }
}
