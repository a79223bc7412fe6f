package org.sealdrop.vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads values that docs/FORMAT.md lists, so tests keep the page and the code in step. */
final class FormatDocument {

    private FormatDocument() {
    }

    /** Returns the typed recovery key that FORMAT.md gives for the key bytes 00 01 02 ... 1f. */
    static String recoveryKeyVector() {
        return valueAfter("recovery-key-typed: ");
    }

    /** Returns the key file MAC that FORMAT.md gives for its fixed example file. */
    static String keyFileMacVector() {
        return valueAfter("key-file-mac: ");
    }

    private static String valueAfter(String label) {
        for (String line : text().split("\n")) {
            if (line.startsWith(label)) {
                return line.substring(label.length()).strip();
            }
        }
        throw new IllegalStateException("docs/FORMAT.md has no line starting with '" + label + "'");
    }

    private static String text() {
        try {
            return Files.readString(Path.of("docs", "FORMAT.md"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
