package org.sealdrop.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.sealdrop.SealDropException;
import picocli.CommandLine.Option;

/** {@code --passphrase-file FILE}, or a prompt when a terminal is attached. */
final class PassphraseOption {

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "File whose first line is the vault passphrase (default: ask on the terminal).")
    Path passphraseFile;

    /** Reads the passphrase into a fresh array, which the caller wipes. */
    char[] read(String prompt) {
        if (passphraseFile != null) {
            return readFirstLine(passphraseFile, "passphrase");
        }
        Console console = System.console();
        if (console == null) {
            throw new UsageException("No terminal is attached to ask for the passphrase; pass --passphrase-file FILE.");
        }
        char[] typed = console.readPassword("%s", prompt);
        if (typed == null) {
            throw new UsageException("No passphrase was typed; run the command again.");
        }
        return typed;
    }

    /**
     * Reads the first line of {@code file} into a fresh array, which the caller wipes.
     *
     * @param contentName what the file contains, for messages ("passphrase", "recovery key")
     */
    static char[] readFirstLine(Path file, String contentName) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SealDropException("SD-PASSPHRASE-FILE", "The " + contentName + " file " + file
                    + " could not be read; check the path and its permissions.");
        }
        CharBuffer chars = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(bytes));
        Arrays.fill(bytes, (byte) 0);
        int end = 0;
        while (end < chars.limit() && chars.get(end) != '\n' && chars.get(end) != '\r') {
            end++;
        }
        char[] passphrase = new char[end];
        chars.get(passphrase, 0, end);
        Arrays.fill(chars.array(), '\0');
        if (passphrase.length == 0) {
            throw new SealDropException("SD-PASSPHRASE-FILE", "The " + contentName + " file " + file
                    + " is empty; put the " + contentName + " on its first line.");
        }
        return passphrase;
    }
}
