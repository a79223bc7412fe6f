package org.sealdrop.viewer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text of a plain-text document, decoded for display.
 *
 * <p>The bytes are read as UTF-8 when they are valid UTF-8 and as ISO-8859-1 otherwise, since
 * ISO-8859-1 maps every byte to a character, so any file decodes. Only the first
 * {@code maxBytes} bytes are decoded, because a text area slows down badly with many megabytes.
 *
 * <p>NOTE: the decoded {@code String} is plaintext that cannot be wiped; it lives until the garbage
 * collector reclaims it after the viewer closes.
 *
 * @param text the decoded characters, without a leading byte order mark
 * @param charsetName {@code UTF-8} or {@code ISO-8859-1}
 * @param truncated whether the document is longer than what {@code text} shows
 */
public record PlainText(String text, String charsetName, boolean truncated) {

    /** Default display limit: 1 MiB of text. */
    public static final int DEFAULT_MAX_BYTES = 1 << 20;

    private static final int SNIFF_LENGTH = 4096;

    /**
     * Decodes at most {@code maxBytes} bytes of {@code content}. When the limit falls inside a UTF-8
     * sequence, the partial character is dropped.
     *
     * @throws IllegalArgumentException if {@code maxBytes} is not positive
     */
    public static PlainText decode(byte[] content, int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        int offset = hasUtf8ByteOrderMark(content) ? 3 : 0;
        int length = Math.min(content.length - offset, maxBytes);
        boolean truncated = offset + length < content.length;

        String utf8 = decodeUtf8(content, offset, length, !truncated);
        if (utf8 != null) {
            return new PlainText(utf8, "UTF-8", truncated);
        }
        String latin1 = new String(content, offset, length, StandardCharsets.ISO_8859_1);
        return new PlainText(latin1, "ISO-8859-1", truncated);
    }

    /**
     * Tells whether content without a declared type is probably text: its first 4 KiB are UTF-8
     * without NUL or other control characters except tab, line feed, carriage return and form feed.
     */
    static boolean looksLikeText(byte[] content) {
        if (content.length == 0) {
            return false;
        }
        int length = Math.min(content.length, SNIFF_LENGTH);
        for (int i = 0; i < length; i++) {
            int b = content[i] & 0xFF;
            boolean allowedControl = b == '\t' || b == '\n' || b == '\r' || b == '\f';
            if ((b < 0x20 && !allowedControl) || b == 0x7F) {
                return false;
            }
        }
        return decodeUtf8(content, 0, length, length == content.length) != null;
    }

    /** Returns the strict UTF-8 decoding, or {@code null} when the bytes are not valid UTF-8. */
    private static String decodeUtf8(byte[] content, int offset, int length, boolean endOfInput) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content, offset, length);
        CharBuffer out = CharBuffer.allocate(length);

        // With endOfInput false, an incomplete sequence at the cut stays unread instead of failing.
        if (decoder.decode(in, out, endOfInput).isError()) {
            return null;
        }
        if (endOfInput && decoder.flush(out).isError()) {
            return null;
        }
        if (!endOfInput && in.remaining() > 3) {
            return null;
        }
        out.flip();
        return out.toString();
    }

    private static boolean hasUtf8ByteOrderMark(byte[] content) {
        return content.length >= 3
                && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF;
    }
}
