package org.sealdrop.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.sealdrop.SealDropException;

/**
 * The file {@code sealdrop export} writes: {@code --out FILE} as given, or the document's original name
 * inside {@code --out FOLDER} or the current folder.
 */
final class ExportTarget {

    private ExportTarget() {
    }

    /** Tells whether the target is named after the document: no {@code --out}, or {@code --out} names a folder. */
    static boolean usesDocumentName(Path out) {
        return out == null || Files.isDirectory(out);
    }

    /**
     * Returns the default target in {@code folder} for a document named {@code originalName}. The name
     * comes from the document's metadata, which another computer may have written, so path separators
     * and control characters in it become "_". A name that is empty or only dots becomes the document id.
     */
    static Path inFolder(Path folder, String originalName, UUID id) {
        StringBuilder safe = new StringBuilder(originalName.length());
        originalName.codePoints().forEach(c -> safe.appendCodePoint(c == '/' || c == '\\' || c < 0x20 || c == 0x7f ? '_' : c));
        String name = safe.toString().strip();
        if (name.isEmpty() || name.chars().allMatch(c -> c == '.')) {
            name = id.toString();
        }
        return folder.resolve(name);
    }

    /**
     * Creates and deletes {@code target} to learn, before anything is decrypted or audited, whether the
     * file system takes its name. Many file systems allow at most 255 bytes per name, and a name from a
     * computer with another file system can be longer.
     *
     * @throws SealDropException {@code SD-EXPORT-NAME} when the file system rejects the name
     */
    static void checkNameAccepted(Path target, UUID id) {
        try {
            Files.createFile(target);
            Files.delete(target);
        } catch (FileAlreadyExistsException e) {
            // The caller decided to replace it (--force).
        } catch (IOException e) {
            int bytes = String.valueOf(target.getFileName()).getBytes(StandardCharsets.UTF_8).length;
            // The name is PHI, so the message gives its length and not the name.
            throw new SealDropException("SD-EXPORT-NAME", "The target folder rejected the original name of document "
                    + id + " (" + bytes + " bytes in UTF-8, " + e.getClass().getSimpleName()
                    + ") as a file name; give a shorter file name with --out FILE.");
        }
    }
}
