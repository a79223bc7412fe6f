package org.sealdrop.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Random;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Writes large PDFs for ranged-open tests. Page 1 has a line of text, and every later page draws a
 * grey image of random pixels stored without a filter, so the file is as large as its pixels and
 * does not compress. A scanned chart has the same shape: small structure, large image streams.
 */
public final class LargePdf {

    /** Text on page 1, which a test can look for in the rendering. */
    public static final String FIRST_PAGE_TEXT = "Referral, page one";

    private static final int WRITE_STEP = 1 << 20;

    private LargePdf() {
    }

    /**
     * Writes the PDF and returns {@code file}. Each image page adds {@code imageSide * imageSide} bytes,
     * so 10 pages of side 3240 make a file of about 100 MiB.
     */
    public static Path write(Path file, int imagePages, int imageSide) throws IOException {
        Random random = new Random(imagePages * 31L + imageSide);
        // Scratch files keep the image streams off the heap, so a 500 MiB PDF fits a test JVM of 1 GiB.
        try (PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            PDPage first = new PDPage(PDRectangle.A4);
            document.addPage(first);
            try (PDPageContentStream content = new PDPageContentStream(document, first)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 28);
                content.newLineAtOffset(72, 700);
                content.showText(FIRST_PAGE_TEXT);
                content.endText();
            }

            for (int page = 0; page < imagePages; page++) {
                PDImageXObject image = randomGreyImage(document, imageSide, random);
                PDPage imagePage = new PDPage(PDRectangle.A4);
                document.addPage(imagePage);
                try (PDPageContentStream content = new PDPageContentStream(document, imagePage)) {
                    content.drawImage(image, 36, 36, 523, 523);
                }
            }
            document.save(file.toFile());
        }
        return file;
    }

    private static PDImageXObject randomGreyImage(PDDocument document, int side, Random random) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        byte[] step = new byte[WRITE_STEP];
        long remaining = (long) side * side;
        try (OutputStream out = stream.createRawOutputStream()) {
            while (remaining > 0) {
                random.nextBytes(step);
                int length = (int) Math.min(step.length, remaining);
                out.write(step, 0, length);
                remaining -= length;
            }
        }
        PDImageXObject image = new PDImageXObject(new PDStream(stream), null);
        image.setWidth(side);
        image.setHeight(side);
        image.setBitsPerComponent(8);
        image.setColorSpace(PDDeviceGray.INSTANCE);
        return image;
    }
}
