package org.sealdrop.testsupport;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Documents that carry a canary in their file name and in their content, where a leak of either shows
 * in clear: a text file, a PDF whose page text and title contain it (content stream not compressed,
 * so its bytes contain the canary) and a PNG image with the canary in a {@code tEXt} comment.
 */
public final class CanaryDocuments {

    private CanaryDocuments() {
    }

    /**
     * Writes the three documents into {@code folder} and returns them. The names contain non-ASCII
     * letters and the canary.
     */
    public static List<Path> write(Path folder, String canary) throws IOException {
        Files.createDirectories(folder);
        Path text = Files.writeString(folder.resolve("Befund-" + canary + "-Müller.txt"),
                "Befund für " + canary + ": Blutdruck 120/80.\n", StandardCharsets.UTF_8);
        Path pdf = pdf(folder.resolve("Überweisung " + canary + ".pdf"), canary);
        Path image = png(folder.resolve("Röntgen_" + canary + ".png"), canary);
        return List.of(text, pdf, image);
    }

    /** Writes a one-page PDF whose page text and document title contain {@code canary}. */
    public static Path pdf(Path file, String canary) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            document.getDocumentInformation().setTitle("Referral " + canary);
            // Not compressed, so the canary is in the file's bytes as it would be in a leaked copy.
            try (PDPageContentStream content = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.OVERWRITE, false)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                content.newLineAtOffset(72, 700);
                content.showText("Referral for patient " + canary);
                content.endText();
            }
            document.save(file.toFile());
        }
        return file;
    }

    /** Writes a small PNG with {@code canary} in a {@code tEXt} chunk with the keyword Comment. */
    public static Path png(Path file, String canary) throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.DARK_GRAY);
        graphics.fillRect(8, 8, 48, 32);
        graphics.dispose();

        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
        IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
        entry.setAttribute("keyword", "Comment");
        entry.setAttribute("value", "X-ray of " + canary);
        IIOMetadataNode chunk = new IIOMetadataNode("tEXt");
        chunk.appendChild(entry);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(chunk);
        metadata.mergeTree("javax_imageio_png_1.0", root);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(new IIOImage(image, null, metadata));
        } finally {
            writer.dispose();
        }
        return file;
    }
}
