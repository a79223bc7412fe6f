package org.sealdrop.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.sealdrop.SealDropException;

/**
 * The first pass over a source file: its size, modification time, SHA-256 and media type. The
 * object header needs the SHA-256 before encryption starts, and comparing this snapshot with the
 * second pass catches a file that changed while SealDrop read it. The file is opened read-only.
 *
 * <p>Messages name the document by the id it is about to get, never by its path, because paths of
 * clinic documents often contain patient names.
 */
public record SourceSnapshot(long size, FileTime modified, String sha256Hex, String mediaType) {

    /**
     * Reads {@code file} once, in order.
     *
     * @param documentLabel how messages name the file, such as "document" and its id; never its path
     * @throws SealDropException {@code SD-SOURCE-MISSING}, {@code SD-SOURCE-UNREADABLE} or
     *     {@code SD-SOURCE-NOT-FILE} when the file cannot be read, {@code SD-SOURCE-CHANGED} when its
     *     length differs from its size at the start
     */
    public static SourceSnapshot read(Path file, String documentLabel) {
        return read(file, documentLabel, Progress.NONE);
    }

    /**
     * Reads {@code file} once, in order, like {@link #read(Path, String)}, reporting the bytes read to
     * {@code progress} and checking its cancel flag before each buffer.
     *
     * @throws SealDropException the codes of {@link #read(Path, String)}, or {@value Cancellation#ERROR_CODE}
     *     when {@code progress} reports a cancel
     */
    public static SourceSnapshot read(Path file, String documentLabel, Progress progress) {
        BasicFileAttributes attributes = attributes(file, documentLabel);
        MessageDigest sha256 = newSha256();
        byte[] head = new byte[MediaTypes.SNIFF_LENGTH];
        int headLength = 0;
        long total = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) != -1) {
                Cancellation.throwIfRequested(progress, "The check of " + documentLabel);
                if (headLength < head.length) {
                    int copy = Math.min(read, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, copy);
                    headLength += copy;
                }
                sha256.update(buffer, 0, read);
                total += read;
                progress.update(total, attributes.size());
            }
        } catch (IOException e) {
            throw unreadable(documentLabel, e);
        }
        if (total != attributes.size()) {
            throw changed(documentLabel);
        }
        String mediaType = MediaTypes.detect(head, headLength, String.valueOf(file.getFileName()));
        return new SourceSnapshot(total, attributes.lastModifiedTime(), HexFormat.of().formatHex(sha256.digest()), mediaType);
    }

    /** Fails with {@code SD-SOURCE-CHANGED} when the file's size or modification time differ from this snapshot. */
    public void checkUnchanged(Path file, String documentLabel) {
        BasicFileAttributes now = attributes(file, documentLabel);
        if (now.size() != size || !now.lastModifiedTime().equals(modified)) {
            throw changed(documentLabel);
        }
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks SHA-256", e);
        }
    }

    static SealDropException changed(String documentLabel) {
        return new SealDropException("SD-SOURCE-CHANGED", "The file for " + documentLabel
                + " changed while it was being read, so it was not uploaded; close the program that writes it and add it again.");
    }

    private static BasicFileAttributes attributes(Path file, String documentLabel) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new SealDropException("SD-SOURCE-NOT-FILE", "The item for " + documentLabel
                        + " is not a regular file; add files or folders only.");
            }
            return attributes;
        } catch (IOException e) {
            throw unreadable(documentLabel, e);
        }
    }

    /**
     * Builds the error for a failed read. The {@code IOException} is not attached as the cause: its
     * message is the file's path, which may name a patient, and causes reach logs.
     */
    static SealDropException unreadable(String documentLabel, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new SealDropException("SD-SOURCE-MISSING", "The file for " + documentLabel
                    + " could not be read because it no longer exists; check the disk or network share, or whether"
                    + " the file was moved, and add it again.");
        }
        if (e instanceof AccessDeniedException) {
            return new SealDropException("SD-SOURCE-UNREADABLE", "The file for " + documentLabel
                    + " cannot be read with your permissions; ask IT for read access or copy it somewhere readable.");
        }
        return new SealDropException("SD-SOURCE-UNREADABLE", "The file for " + documentLabel + " could not be read ("
                + e.getClass().getSimpleName() + "); check the disk or network share and add it again.");
    }
}
