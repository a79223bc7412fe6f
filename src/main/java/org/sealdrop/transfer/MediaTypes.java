package org.sealdrop.transfer;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * Detects a document's media type from its first bytes, falling back to its file name extension.
 * Magic bytes win because clinic scanners and mail clients often save files under the wrong
 * extension.
 */
public final class MediaTypes {

    public static final String PDF = "application/pdf";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String TIFF = "image/tiff";
    public static final String TEXT = "text/plain";
    public static final String UNKNOWN = "application/octet-stream";

    /** How many leading bytes {@link #detect} looks at. */
    public static final int SNIFF_LENGTH = 512;

    private MediaTypes() {
    }

    /**
     * @param head up to {@link #SNIFF_LENGTH} first bytes of the document
     * @param length number of valid bytes in {@code head}
     * @param fileName the file name, used only when the bytes are inconclusive
     */
    public static String detect(byte[] head, int length, String fileName) {
        if (startsWith(head, length, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return PDF;
        }
        if (startsWith(head, length, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(head, length, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(head, length, 0x49, 0x49, 0x2A, 0x00) || startsWith(head, length, 0x4D, 0x4D, 0x00, 0x2A)) {
            return TIFF;
        }
        String lowerName = fileName.toLowerCase(Locale.ROOT);
        if ((lowerName.endsWith(".txt") || lowerName.endsWith(".csv") || lowerName.endsWith(".log")
                || lowerName.endsWith(".md")) && isUtf8Text(head, length)) {
            return TEXT;
        }
        return UNKNOWN;
    }

    private static boolean startsWith(byte[] head, int length, int... magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUtf8Text(byte[] head, int length) {
        for (int i = 0; i < length; i++) {
            if (head[i] == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head, 0, trimPartialCharacter(head, length)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Drops a UTF-8 sequence cut off by the sniff length, so it does not count as malformed. */
    private static int trimPartialCharacter(byte[] head, int length) {
        int end = length;
        int back = 0;
        while (end > 0 && back < 3 && (head[end - 1] & 0xC0) == 0x80) {
            end--;
            back++;
        }
        if (end > 0 && (head[end - 1] & 0xC0) == 0xC0) {
            return end - 1;
        }
        return length;
    }
}
