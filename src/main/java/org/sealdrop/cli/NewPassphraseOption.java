package org.sealdrop.cli;

import java.io.Console;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Option;

/** {@code --new-passphrase-file FILE}, or two prompts on the terminal, for commands that set a new passphrase. */
final class NewPassphraseOption {

    @Option(names = "--new-passphrase-file", paramLabel = "FILE",
            description = "File whose first line is the new passphrase (default: ask twice on the terminal).")
    Path newPassphraseFile;

    /**
     * Reads the new passphrase, after the command already read {@code firstSecret} (the current
     * passphrase or the recovery key), which is wiped when reading the new one fails.
     */
    char[] readAfter(char[] firstSecret) {
        try {
            return read();
        } catch (RuntimeException e) {
            Arrays.fill(firstSecret, '\0');
            throw e;
        }
    }

    /** Reads the new passphrase from the file, or prompts for it twice on the terminal. */
    char[] read() {
        if (newPassphraseFile != null) {
            return PassphraseOption.readFirstLine(newPassphraseFile, "new passphrase");
        }
        Console console = System.console();
        if (console == null) {
            throw new UsageException("No terminal is attached to ask for the new passphrase; pass --new-passphrase-file FILE.");
        }
        char[] first = console.readPassword("New vault passphrase: ");
        char[] second = console.readPassword("Type the new passphrase again: ");
        try {
            if (first == null || second == null || !Arrays.equals(first, second)) {
                throw new UsageException("The two new passphrases differ; run the command again.");
            }
            return first.clone();
        } finally {
            VaultCommand.wipe(first);
            VaultCommand.wipe(second);
        }
    }
}
