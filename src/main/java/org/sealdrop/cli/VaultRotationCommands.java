package org.sealdrop.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.sealdrop.vault.RotationIncompleteException;
import org.sealdrop.vault.RotationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sealdrop vault rotate} and {@code sealdrop vault retire}: new vault key versions and removing old ones. */
final class VaultRotationCommands {

    private VaultRotationCommands() {
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
                    RotationReport report = services.vault().rotate(passphrase.read("Vault passphrase: "), VaultCommand.progressTo(err));
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
                        VaultCommand.progressTo(err));
                out.println("Retired vault key version " + version + "; none of the " + report.objects()
                        + " objects in the bucket used it.");
                return 0;
            });
        }
    }
}
