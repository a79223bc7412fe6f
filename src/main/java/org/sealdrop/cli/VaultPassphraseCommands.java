package org.sealdrop.cli;

import java.io.Console;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sealdrop vault change-passphrase}, {@code recover} and {@code new-recovery-key}. */
final class VaultPassphraseCommands {

    private VaultPassphraseCommands() {
    }

    /** {@code sealdrop vault change-passphrase}. */
    @Command(name = "change-passphrase", mixinStandardHelpOptions = true,
            description = "Wrap the vault key under a new passphrase; documents are not touched.")
    static final class ChangePassphrase implements Callable<Integer> {

        @ParentCommand
        VaultCommand vault;

        @Spec
        CommandSpec spec;

        @Mixin
        PassphraseOption passphrase;

        @Mixin
        NewPassphraseOption newPassphrase;

        @Override
        public Integer call() {
            return vault.withServices(spec.commandLine().getErr(), services -> {
                char[] current = passphrase.read("Current vault passphrase: ");
                char[] replacement = newPassphrase.readAfter(current);
                services.vault().changePassphrase(current, replacement);
                spec.commandLine().getOut().println("The passphrase was changed. Other computers of the vault take the"
                        + " new passphrase at their next unlock.");
                return 0;
            });
        }
    }

    /** {@code sealdrop vault recover}. */
    @Command(name = "recover", mixinStandardHelpOptions = true,
            description = "Set a new passphrase with the recovery key, when the passphrase is lost.")
    static final class Recover implements Callable<Integer> {

        @ParentCommand
        VaultCommand vault;

        @Spec
        CommandSpec spec;

        @Option(names = "--recovery-key-file", paramLabel = "FILE",
                description = "File whose first line is the recovery key (default: ask on the terminal).")
        Path recoveryKeyFile;

        @Mixin
        NewPassphraseOption newPassphrase;

        @Override
        public Integer call() {
            return vault.withServices(spec.commandLine().getErr(), services -> {
                char[] recoveryKey = readRecoveryKey();
                char[] replacement = newPassphrase.readAfter(recoveryKey);
                services.vault().recover(recoveryKey, replacement);
                spec.commandLine().getOut().println("The vault has a new passphrase. The recovery key stays valid;"
                        + " replace it with `sealdrop vault new-recovery-key` if others may have seen it.");
                return 0;
            });
        }

        private char[] readRecoveryKey() {
            if (recoveryKeyFile != null) {
                return PassphraseOption.readFirstLine(recoveryKeyFile, "recovery key");
            }
            Console console = System.console();
            if (console == null) {
                throw new UsageException("No terminal is attached to ask for the recovery key; pass --recovery-key-file FILE.");
            }
            char[] typed = console.readPassword("Recovery key: ");
            if (typed == null) {
                throw new UsageException("No recovery key was typed; run the command again.");
            }
            return typed;
        }
    }

    /** {@code sealdrop vault new-recovery-key}. */
    @Command(name = "new-recovery-key", mixinStandardHelpOptions = true,
            description = "Replace the recovery key with a new one and print it once; the old one stops working.")
    static final class NewRecoveryKey implements Callable<Integer> {

        @ParentCommand
        VaultCommand vault;

        @Spec
        CommandSpec spec;

        @Mixin
        PassphraseOption passphrase;

        @Override
        public Integer call() {
            return vault.withServices(spec.commandLine().getErr(), services -> {
                char[] recoveryKey = services.vault().replaceRecoveryKey(passphrase.read("Vault passphrase: "));
                try {
                    VaultCommand.printRecoveryKey(spec.commandLine().getOut(), recoveryKey);
                } finally {
                    VaultCommand.wipe(recoveryKey);
                }
                return 0;
            });
        }
    }
}
