package org.sealdrop.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.ServiceOptions;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.app.VaultState;
import org.sealdrop.vault.KeyFile;
import org.sealdrop.vault.KeyFileStore;
import org.sealdrop.vault.KeyRotation;
import org.sealdrop.vault.RotationIncompleteException;
import org.sealdrop.vault.RotationReport;
import org.sealdrop.vault.WrappedVaultKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sealdrop vault ...}: key management for IT. Each subcommand starts from the key file in the
 * bucket, writes the result to the bucket and then to the home folder, records its audit event, and
 * leaves the vault locked.
 */
@Command(name = "vault", mixinStandardHelpOptions = true,
        description = "Manage the vault's keys: rotate, retire old versions, change the passphrase, recover.",
        subcommands = {VaultCommand.Status.class, VaultCommand.Rotate.class, VaultCommand.Retire.class,
            VaultCommand.ChangePassphrase.class, VaultCommand.Recover.class, VaultCommand.NewRecoveryKey.class})
final class VaultCommand implements Callable<Integer> {

    private static final Duration AUDIT_FLUSH_TIMEOUT = Duration.ofSeconds(10);

    @ParentCommand
    SealDropCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Name a subcommand: status, rotate, retire, change-passphrase, recover or new-recovery-key.");
    }

    /** Opens the home folder's services, runs {@code work}, then locks the vault and sends the audit events. */
    int withServices(PrintWriter err, Function<LocalServices, Integer> work) {
        HomeFolder home = ConfiguredHome.require(parent.home.folder());
        try (LocalServices services = LocalServices.open(home, ServiceOptions.defaults())) {
            try {
                return work.apply(services);
            } finally {
                services.vault().lock();
                if (!services.flushAudit(AUDIT_FLUSH_TIMEOUT)) {
                    err.println("sealdrop: " + services.auditTrail().pendingCount()
                            + " audit events could not be delivered yet; they stay queued and the next SealDrop run sends them.");
                }
            }
        }
    }

    /** Reads a new passphrase from {@code file}, or prompts for it twice on the terminal. */
    static char[] readNewPassphrase(Path file) {
        if (file != null) {
            return PassphraseOption.readFirstLine(file, "new passphrase");
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
            wipe(first);
            wipe(second);
        }
    }

    static void printRecoveryKey(PrintWriter out, char[] recoveryKey) {
        out.println();
        out.println("Recovery key (shown only this once):");
        out.println();
        out.print("    ");
        out.println(recoveryKey);
        out.println();
        out.println("Write it down or print it now and keep it offline, away from this computer, for example in");
        out.println("the clinic's safe. `sealdrop vault recover` uses it to set a new passphrase when the");
        out.println("passphrase is lost. Anyone who has it can open every document of this vault, and SealDrop");
        out.println("does not store it anywhere.");
        out.flush();
    }

    private static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }

    private static KeyRotation.Progress progressTo(PrintWriter err) {
        return (done, total) -> {
            if (done % 500 == 0 || done == total) {
                err.println("sealdrop: " + done + " of " + total + " objects checked");
                err.flush();
            }
        };
    }

    /** {@code sealdrop vault status}: the key versions of this computer's key file, without unlocking. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show the vault id, the key versions, whether a rotation is unfinished and whether a recovery key exists.")
    static final class Status implements Callable<Integer> {

        @ParentCommand
        VaultCommand vault;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Path path = vault.parent.home.folder().keyFile();
            KeyFile file = KeyFileStore.read(path).orElseThrow(() -> new UsageException("The home folder has no key file at "
                    + path + "; run `sealdrop init` first or pass the right --home."));
            out.println("vault\t" + file.vaultId());
            for (WrappedVaultKey key : file.keys()) {
                out.println("key version\t" + key.keyVersion() + "\tcreated " + key.createdAt()
                        + (key == file.current() ? "\tcurrent" : ""));
            }
            out.println("rotation\t" + (file.rewrapPending() ? "unfinished; run `sealdrop vault rotate` to finish it" : "finished"));
            out.println("recovery key\t" + (file.recovery() != null ? "yes" : "none; create one with `sealdrop vault new-recovery-key`"));
            return 0;
        }
    }

    /** {@code sealdrop vault rotate}. */
    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Add a new vault key version and re-wrap the key of every document in the bucket under it,"
                + " without downloading or uploading content. Run it again to finish a rotation that reported failures.")
    static final class Rotate implements Callable<Integer> {

        @ParentCommand
        VaultCommand vault;

        @Spec
        CommandSpec spec;

        @Mixin
        PassphraseOption passphrase;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return vault.withServices(err, services -> {
                try {
                    RotationReport report = services.vault().rotate(passphrase.read("Vault passphrase: "), progressTo(err));
                    printReport(out, report);
                    return 0;
                } catch (RotationIncompleteException e) {
                    printReport(out, e.report());
                    e.report().failures().forEach(failure -> out.println("failed\t" + failure));
                    out.flush();
                    throw e;
                }
            });
        }

        private static void printReport(PrintWriter out, RotationReport report) {
            out.println("Vault key version " + report.targetVersion() + ": " + report.objects() + " objects in the bucket, "
                    + report.rewrapped() + " re-wrapped now, " + report.objectsUsing(report.targetVersion())
                    + " already at this version, " + report.rowsUpdated() + " rows of this computer's index updated.");
            out.flush();
        }
    }

    /** {@code sealdrop vault retire --version N}; without the standard {@code --version} flag, which names the key version here. */
    @Command(name = "retire",
            description = "Remove an old vault key version from the key file. Refused while any object in the bucket"
                + " still uses it; run `sealdrop vault rotate` first.")
    static final class Retire implements Callable<Integer> {

        @ParentCommand
        VaultCommand vault;

        @Spec
        CommandSpec spec;

        @Option(names = "--version", required = true, paramLabel = "N", description = "The key version to remove.")
        int version;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        @Mixin
        PassphraseOption passphrase;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return vault.withServices(err, services -> {
                RotationReport report = services.vault().retireKeyVersion(passphrase.read("Vault passphrase: "), version,
                        progressTo(err));
                out.println("Retired vault key version " + version + "; none of the " + report.objects()
                        + " objects in the bucket used it.");
                return 0;
            });
        }
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

        @Option(names = "--new-passphrase-file", paramLabel = "FILE",
                description = "File whose first line is the new passphrase (default: ask twice on the terminal).")
        Path newPassphraseFile;

        @Override
        public Integer call() {
            return vault.withServices(spec.commandLine().getErr(), services -> {
                char[] current = passphrase.read("Current vault passphrase: ");
                char[] replacement;
                try {
                    replacement = readNewPassphrase(newPassphraseFile);
                } catch (RuntimeException e) {
                    wipe(current);
                    throw e;
                }
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

        @Option(names = "--new-passphrase-file", paramLabel = "FILE",
                description = "File whose first line is the new passphrase (default: ask twice on the terminal).")
        Path newPassphraseFile;

        @Override
        public Integer call() {
            return vault.withServices(spec.commandLine().getErr(), services -> {
                char[] recoveryKey = readRecoveryKey();
                char[] replacement;
                try {
                    replacement = readNewPassphrase(newPassphraseFile);
                } catch (RuntimeException e) {
                    wipe(recoveryKey);
                    throw e;
                }
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
                    printRecoveryKey(spec.commandLine().getOut(), recoveryKey);
                } finally {
                    wipe(recoveryKey);
                }
                return 0;
            });
        }
    }
}
