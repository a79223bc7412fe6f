package org.sealdrop.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sealdrop.testsupport.Corpus;

class MediaTypesTest {

    @Test
    void corpusFilesAreDetectedByTheirBytes() throws Exception {
        for (Path file : Corpus.documents()) {
            String expected = switch (extension(file)) {
                case "pdf" -> MediaTypes.PDF;
                case "jpg" -> MediaTypes.JPEG;
                case "png" -> MediaTypes.PNG;
                case "tiff" -> MediaTypes.TIFF;
                default -> throw new AssertionError("unexpected corpus file " + file);
            };
            byte[] head = Arrays.copyOf(Files.readAllBytes(file), MediaTypes.SNIFF_LENGTH);
            assertEquals(expected, MediaTypes.detect(head, head.length, "renamed.bin"), file.toString());
        }
    }

    @Test
    void textNeedsTextExtensionAndValidUtf8() {
        byte[] text = "Befund: unauffällig\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(MediaTypes.TEXT, MediaTypes.detect(text, text.length, "note.txt"));
        assertEquals(MediaTypes.UNKNOWN, MediaTypes.detect(text, text.length, "note.docx"));
        byte[] binary = {0x00, 0x01, 0x02};
        assertEquals(MediaTypes.UNKNOWN, MediaTypes.detect(binary, binary.length, "note.txt"));
    }

    @Test
    void utf8CharacterCutBySniffLengthStillCountsAsText() {
        byte[] text = "aé".getBytes(StandardCharsets.UTF_8);
        assertEquals(MediaTypes.TEXT, MediaTypes.detect(text, text.length - 1, "note.txt"));
    }

    @Test
    void emptyFileIsUnknownUnlessNamedText() {
        assertEquals(MediaTypes.UNKNOWN, MediaTypes.detect(new byte[0], 0, "empty.bin"));
        assertEquals(MediaTypes.TEXT, MediaTypes.detect(new byte[0], 0, "empty.txt"));
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
