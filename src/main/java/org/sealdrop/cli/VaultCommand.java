package org.sealdrop.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.ServiceOptions;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.vault.KeyFile;
import org.sealdrop.vault.KeyFileStore;
import org.sealdrop.vault.KeyRotation;
import org.sealdrop.vault.WrappedVaultKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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
        subcommands = {VaultCommand.Status.class, VaultRotationCommands.Rotate.class, VaultRotationCommands.Retire.class,
            VaultPassphraseCommands.ChangePassphrase.class, VaultPassphraseCommands.Recover.class, VaultPassphraseCommands.NewRecoveryKey.class,
            VaultCommand.ForgetS3Keys.class})
final class VaultCommand implements Callable<Integer> {

    private static final Duration AUDIT_FLUSH_TIMEOUT = Duration.ofSeconds(10);

    @ParentCommand
    SealDropCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Name a subcommand: status, rotate, retire, change-passphrase, recover, new-recovery-key or forget-s3-keys.");
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
                    err.println(UndeliveredAudit.describe(services.auditTrail()));
                }
            }
        }
    }

    /** Prints a recovery key once, with what it is for and how to keep it. */
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

    static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }

    static KeyRotation.Progress progressTo(PrintWriter err) {
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

    /** {@code sealdrop vault forget-s3-keys}: deletes the S3 keys stored by the set-up, without unlocking. */
    @Command(name = "forget-s3-keys", mixinStandardHelpOptions = true,
            description = "Delete the S3 access keys that the set-up window stored encrypted in the home folder.")
    static final class ForgetS3Keys implements Callable<Integer> {

        @ParentCommand
        VaultCommand vault;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            boolean deleted = LocalServices.forgetStoredS3Keys(vault.parent.home.folder());
            out.println(deleted ? "The stored S3 keys were deleted; S3 now uses this computer's AWS credentials."
                    : "This home folder has no stored S3 keys.");
            return 0;
        }
    }
}
