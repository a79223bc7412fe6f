package org.sealdrop.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.sealdrop.app.TransferListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sealdrop export}: an audited, verified decrypted copy of one document. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Decrypt one document to a file after verifying it; recorded as an export in the audit trail.")
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    SealDropCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "Document id, as printed by `sealdrop list`.")
    UUID id;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write the decrypted document to.")
    Path out;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;

    @Mixin
    PassphraseOption passphrase;

    @Override
    public Integer call() {
        if (Files.exists(out) && !force) {
            throw new UsageException("The file given with --out exists; choose another --out or pass --force to replace it.");
        }
        try (UnlockedSession session = UnlockedSession.open(parent.home.folder(), passphrase, spec.commandLine().getErr())) {
            session.documents().export(id, out, TransferListener.NONE);
        }
        spec.commandLine().getOut().println(id + "\t" + out);
        return 0;
    }
}
