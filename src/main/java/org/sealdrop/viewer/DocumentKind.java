package org.sealdrop.viewer;

import java.util.Locale;

/**
 * The ways the viewer can show a decrypted document.
 *
 * <p>{@link #detect} trusts the content's magic bytes over the media type, because the media type
 * recorded at upload may come from the file name, and a renamed file keeps its real format.
 */
public enum DocumentKind {
    PDF,
    JPEG,
    PNG,
    TIFF,
    TEXT,
    OTHER;

    /** PDF readers accept a header anywhere in the first 1024 bytes, so detection does too. */
    public static final int PDF_HEADER_SEARCH_LENGTH = 1024;

    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] TIFF_LITTLE_ENDIAN_MAGIC = {'I', 'I', 42, 0};
    private static final byte[] TIFF_BIG_ENDIAN_MAGIC = {'M', 'M', 0, 42};

    /**
     * Detects the kind of a decrypted document.
     *
     * <p>Binary formats are recognised by their magic bytes only. Text has no magic bytes, so a
     * {@code text/*} media type makes it {@link #TEXT}. Without a media type, or with
     * {@code application/octet-stream}, content that decodes as UTF-8 without control characters is
     * {@link #TEXT} too.
     *
     * @param mediaType media type recorded at upload, such as {@code application/pdf}, or {@code null}
     * @param content the decrypted bytes; only read
     */
    public static DocumentKind detect(String mediaType, byte[] content) {
        if (startsWith(content, JPEG_MAGIC)) {
            return JPEG;
        }
        if (startsWith(content, PNG_MAGIC)) {
            return PNG;
        }
        if (startsWith(content, TIFF_LITTLE_ENDIAN_MAGIC) || startsWith(content, TIFF_BIG_ENDIAN_MAGIC)) {
            return TIFF;
        }
        if (indexOf(content, PDF_MAGIC, PDF_HEADER_SEARCH_LENGTH) >= 0) {
            return PDF;
        }

        String type = mediaType == null ? "" : mediaType.trim().toLowerCase(Locale.ROOT);
        if (type.startsWith("text/")) {
            return TEXT;
        }
        if ((type.isEmpty() || type.equals("application/octet-stream")) && PlainText.looksLikeText(content)) {
            return TEXT;
        }
        return OTHER;
    }

    /** Tells whether the viewer shows this kind as pages of pictures (PDF pages or image frames). */
    public boolean isPaged() {
        return this == PDF || this == JPEG || this == PNG || this == TIFF;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return indexOf(content, magic, magic.length) == 0;
    }

    /** Returns the offset of {@code magic} if it starts within the first {@code searchLength} bytes, else -1. */
    private static int indexOf(byte[] content, byte[] magic, int searchLength) {
        int lastStart = Math.min(searchLength, content.length) - magic.length;
        for (int start = 0; start <= lastStart; start++) {
            int matched = 0;
            while (matched < magic.length && content[start + matched] == magic[matched]) {
                matched++;
            }
            if (matched == magic.length) {
                return start;
            }
        }
        return -1;
    }
}
