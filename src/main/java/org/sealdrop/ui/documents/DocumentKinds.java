package org.sealdrop.ui.documents;

import java.util.Locale;

/**
 * The readable kind of a document in the table's Type column, from the media type recorded at
 * upload: PDF, JPEG, PNG or TIFF image, text, or other. Labels come from the bundle under
 * {@code documents.kind.} and the constant's name.
 */
enum DocumentKinds {
    PDF, JPEG, PNG, TIFF, TEXT, OTHER;

    /**
     * Returns the kind of {@code mediaType}, ignoring case and parameters such as {@code ; charset=utf-8}.
     * Every {@code text/*} type is text; {@code null} and unknown types are {@link #OTHER}.
     */
    static DocumentKinds of(String mediaType) {
        if (mediaType == null) {
            return OTHER;
        }
        String type = mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        switch (type) {
            case "application/pdf":
                return PDF;
            case "image/jpeg":
                return JPEG;
            case "image/png":
                return PNG;
            case "image/tiff":
                return TIFF;
            default:
                return type.startsWith("text/") ? TEXT : OTHER;
        }
    }

    /** Returns the bundle key of this kind's label, such as {@code documents.kind.PDF}. */
    String labelKey() {
        return "documents.kind." + name();
    }
}
