package org.sealdrop.viewer;

import org.sealdrop.testsupport.Corpus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DocumentKindTest {

    static Stream<Path> corpusFiles() {
        return Stream.concat(Corpus.filesIn("pdf").stream(), Corpus.filesIn("images").stream());
    }

    @ParameterizedTest
    @MethodSource("corpusFiles")
    void detectsCorpusFileByContent(Path file) {
        DocumentKind expected = kindByExtension(file);

        assertEquals(expected, DocumentKind.detect(null, Corpus.read(file)), "without media type");
        assertEquals(expected, DocumentKind.detect("application/octet-stream", Corpus.read(file)), "as octet-stream");
    }

    @Test
    void magicBytesWinOverMediaType() {
        byte[] pdf = Corpus.read(Corpus.pdf("minimal-document.pdf"));
        byte[] png = Corpus.read(Corpus.image("smile.png"));

        assertEquals(DocumentKind.PDF, DocumentKind.detect("image/png", pdf));
        assertEquals(DocumentKind.PNG, DocumentKind.detect("application/pdf", png));
        assertEquals(DocumentKind.PNG, DocumentKind.detect("text/plain", png));
    }

    @Test
    void pdfHeaderAfterLeadingGarbage() {
        byte[] content = ("\r\n\r\n" + "%PDF-1.4\n").getBytes(StandardCharsets.US_ASCII);

        assertEquals(DocumentKind.PDF, DocumentKind.detect(null, content));
    }

    @Test
    void pdfHeaderBeyondSearchLengthIsNotPdf() {
        byte[] content = new byte[DocumentKind.PDF_HEADER_SEARCH_LENGTH + 10];
        System.arraycopy("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 0, content, DocumentKind.PDF_HEADER_SEARCH_LENGTH, 8);

        assertEquals(DocumentKind.OTHER, DocumentKind.detect("application/pdf", content));
    }

    @Test
    void textByMediaType() {
        byte[] latin1 = "Befund f\u00fcr Gr\u00f6\u00dfe".getBytes(StandardCharsets.ISO_8859_1);

        assertEquals(DocumentKind.TEXT, DocumentKind.detect("text/plain; charset=ISO-8859-1", latin1));
        assertEquals(DocumentKind.TEXT, DocumentKind.detect("TEXT/CSV", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void textWithoutMediaTypeBySniffing() {
        byte[] utf8 = "Referral letter\n\u00e9t\u00e9\n".getBytes(StandardCharsets.UTF_8);

        assertEquals(DocumentKind.TEXT, DocumentKind.detect(null, utf8));
        assertEquals(DocumentKind.TEXT, DocumentKind.detect("", utf8));
    }

    @Test
    void binaryWithoutKnownMagicIsOther() {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};

        assertEquals(DocumentKind.OTHER, DocumentKind.detect("application/zip", zip));
        assertEquals(DocumentKind.OTHER, DocumentKind.detect(null, zip));
        assertEquals(DocumentKind.OTHER, DocumentKind.detect(null, new byte[0]));
        assertEquals(DocumentKind.OTHER, DocumentKind.detect("application/msword", "plain words".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shortContentIsNotMistakenForMagic() {
        assertEquals(DocumentKind.OTHER, DocumentKind.detect(null, new byte[] {(byte) 0xFF, (byte) 0xD8}));
        assertEquals(DocumentKind.OTHER, DocumentKind.detect("application/pdf", "%PDF".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void tiffBothByteOrders() {
        assertEquals(DocumentKind.TIFF, DocumentKind.detect(null, new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0}));
        assertEquals(DocumentKind.TIFF, DocumentKind.detect(null, new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8}));
    }

    private static DocumentKind kindByExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf")) {
            return DocumentKind.PDF;
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return DocumentKind.JPEG;
        }
        if (name.endsWith(".png")) {
            return DocumentKind.PNG;
        }
        if (name.endsWith(".tif") || name.endsWith(".tiff")) {
            return DocumentKind.TIFF;
        }
        throw new IllegalArgumentException("The corpus test knows no kind for the extension of " + name);
    }
}
