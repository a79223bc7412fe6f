package org.sealdrop.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void decodesUtf8() {
        PlainText text = PlainText.decode("Gr\u00f6\u00dfe \u2013 \u65e5\u672c".getBytes(StandardCharsets.UTF_8), 1000);

        assertEquals("Gr\u00f6\u00dfe \u2013 \u65e5\u672c", text.text());
        assertEquals("UTF-8", text.charsetName());
        assertFalse(text.truncated());
    }

    @Test
    void fallsBackToLatin1() {
        PlainText text = PlainText.decode("Gr\u00f6\u00dfe".getBytes(StandardCharsets.ISO_8859_1), 1000);

        assertEquals("Gr\u00f6\u00dfe", text.text());
        assertEquals("ISO-8859-1", text.charsetName());
    }

    @Test
    void dropsByteOrderMark() {
        byte[] content = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'o', 'k'};

        assertEquals("ok", PlainText.decode(content, 1000).text());
    }

    @Test
    void truncatesAtLimit() {
        PlainText text = PlainText.decode("abcdef".getBytes(StandardCharsets.UTF_8), 4);

        assertEquals("abcd", text.text());
        assertTrue(text.truncated());
    }

    /** "a\u00e9" is 3 bytes in UTF-8; a cut after 2 bytes splits the \u00e9 and must not turn it into Latin-1. */
    @Test
    void truncationInsideUtf8SequenceStaysUtf8() {
        byte[] content = "a\u00e9b".getBytes(StandardCharsets.UTF_8);

        PlainText text = PlainText.decode(content, 2);

        assertEquals("a", text.text());
        assertEquals("UTF-8", text.charsetName());
        assertTrue(text.truncated());
    }

    @Test
    void emptyDocumentIsEmptyText() {
        PlainText text = PlainText.decode(new byte[0], 10);

        assertEquals("", text.text());
        assertFalse(text.truncated());
    }

    @Test
    void rejectsNonPositiveLimit() {
        assertThrows(IllegalArgumentException.class, () -> PlainText.decode(new byte[1], 0));
    }

    @Test
    void sniffsTextAndBinary() {
        assertTrue(PlainText.looksLikeText("line one\r\n\tline two\n".getBytes(StandardCharsets.UTF_8)));
        assertFalse(PlainText.looksLikeText(new byte[] {'a', 0, 'b'}));
        assertFalse(PlainText.looksLikeText("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1)));
        assertFalse(PlainText.looksLikeText(new byte[0]));
    }
}
