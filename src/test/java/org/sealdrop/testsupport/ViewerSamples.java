package org.sealdrop.testsupport;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;

/**
 * Documents the viewer tests need and the corpus lacks, made in memory: a password-protected PDF,
 * a PDF with a 200 × 200 inch page, CMYK and YCCK JPEGs and a multi-page TIFF.
 */
public final class ViewerSamples {

    /** The user password of {@link #protectedPdf()}. */
    public static final String USER_PASSWORD = "referral-2026";
    /** The owner password of {@link #protectedPdf()}, which opens it too. */
    public static final String OWNER_PASSWORD = "clinic-owner-pw";
    /** PDF's largest page side, 14 400 points, is 200 inches. */
    public static final float HUGE_PAGE_POINTS = 14_400f;

    private ViewerSamples() {
    }

    /** Returns a 2-page PDF encrypted with AES-256, with a user and an owner password. */
    public static byte[] protectedPdf() {
        try (PDDocument document = new PDDocument()) {
            addPage(document, PDRectangle.A4, Color.BLUE);
            addPage(document, PDRectangle.A4, Color.RED);
            StandardProtectionPolicy policy = new StandardProtectionPolicy(OWNER_PASSWORD, USER_PASSWORD,
                    new AccessPermission());
            policy.setEncryptionKeyLength(256);
            document.protect(policy);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns a PDF of one 200 × 200 inch page with a filled square in its middle. */
    public static byte[] hugePagePdf() {
        try (PDDocument document = new PDDocument()) {
            addPage(document, new PDRectangle(HUGE_PAGE_POINTS, HUGE_PAGE_POINTS), Color.GREEN);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns a 40 × 30 JPEG of one CMYK colour.
     *
     * @param cmyk the ink values 0..255 (0 is no ink)
     * @param adobeTransform -1 for no Adobe segment (values stored as given), 0 for Adobe CMYK or 2
     *     for Adobe YCCK (values stored inverted, as Adobe applications do)
     */
    public static byte[] cmykJpeg(int[] cmyk, int adobeTransform) {
        int[] stored = cmyk.clone();
        if (adobeTransform >= 0) {
            for (int i = 0; i < 4; i++) {
                stored[i] = 255 - stored[i];
            }
        }
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 40, 30, 4, null);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                raster.setPixel(x, y, stored);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = adobeTransform < 0 ? null : adobeMetadata(writer, param, adobeTransform);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(output);
                writer.write(null, new IIOImage(raster, null, metadata), param);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** Returns a TIFF of {@code frames} frames; frame i is {@code 40 + 10 * i} pixels wide and 30 high. */
    public static byte[] multiPageTiff(int frames) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("TIFF").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(output);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames; i++) {
                BufferedImage frame = new BufferedImage(40 + 10 * i, 30, BufferedImage.TYPE_INT_RGB);
                Graphics2D graphics = frame.createGraphics();
                graphics.setColor(Color.WHITE);
                graphics.fillRect(0, 0, frame.getWidth(), 30);
                graphics.setColor(Color.BLUE);
                graphics.fillOval(5, 5, 20, 20);
                graphics.dispose();
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static void addPage(PDDocument document, PDRectangle size, Color colour) throws IOException {
        PDPage page = new PDPage(size);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.setNonStrokingColor(colour);
            float side = size.getWidth() / 3;
            content.addRect(side, (size.getHeight() - side) / 2, side, side);
            content.fill();
        }
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        document.save(bytes);
        return bytes.toByteArray();
    }

    /** Builds JPEG metadata for 4 components with an Adobe APP14 segment of the given transform. */
    private static IIOMetadata adobeMetadata(ImageWriter writer, ImageWriteParam param, int transform)
            throws IOException {
        String format = "javax_imageio_jpeg_image_1.0";
        IIOMetadata metadata = writer.getDefaultImageMetadata(
                new javax.imageio.ImageTypeSpecifier(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB)), param);
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
        IIOMetadataNode variety = (IIOMetadataNode) root.getElementsByTagName("JPEGvariety").item(0);
        while (variety.hasChildNodes()) {
            variety.removeChild(variety.getFirstChild());
        }
        IIOMetadataNode markers = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
        IIOMetadataNode adobe = new IIOMetadataNode("app14Adobe");
        adobe.setAttribute("transform", Integer.toString(transform));
        markers.insertBefore(adobe, markers.getFirstChild());

        IIOMetadataNode frame = (IIOMetadataNode) root.getElementsByTagName("sof").item(0);
        IIOMetadataNode scan = (IIOMetadataNode) root.getElementsByTagName("sos").item(0);
        removeChildren(frame);
        removeChildren(scan);
        frame.setAttribute("numFrameComponents", "4");
        scan.setAttribute("numScanComponents", "4");
        for (int component = 1; component <= 4; component++) {
            String table = component == 1 ? "0" : "1";
            IIOMetadataNode spec = new IIOMetadataNode("componentSpec");
            spec.setAttribute("componentId", Integer.toString(component));
            spec.setAttribute("HsamplingFactor", "1");
            spec.setAttribute("VsamplingFactor", "1");
            spec.setAttribute("QtableSelector", table);
            frame.appendChild(spec);
            IIOMetadataNode scanSpec = new IIOMetadataNode("scanComponentSpec");
            scanSpec.setAttribute("componentSelector", Integer.toString(component));
            scanSpec.setAttribute("dcHuffTable", table);
            scanSpec.setAttribute("acHuffTable", table);
            scan.appendChild(scanSpec);
        }
        metadata.setFromTree(format, root);
        return metadata;
    }

    private static void removeChildren(IIOMetadataNode node) {
        while (node.hasChildNodes()) {
            node.removeChild(node.getFirstChild());
        }
    }
}
