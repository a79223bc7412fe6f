package org.sealdrop.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.sealdrop.SealDropException;
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

    @Option(names = "--out", paramLabel = "FILE", description = "File or existing folder to write the decrypted document to;"
            + " in a folder, and without --out in the current folder, the file gets the document's original name.")
    Path out;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;

    @Mixin
    PassphraseOption passphrase;

    @Override
    public Integer call() {
        if (!ExportTarget.usesDocumentName(out)) {
            checkReplaceable(out, "The file given with --out exists; choose another --out or pass --force to replace it.");
        }
        Path target = out;
        try (UnlockedSession session = UnlockedSession.open(parent.home.folder(), passphrase, spec.commandLine().getErr())) {
            if (ExportTarget.usesDocumentName(out)) {
                target = ExportTarget.inFolder(out == null ? Path.of("") : out, originalName(session), id);
                checkReplaceable(target, "A file with the document's name exists in the target folder;"
                        + " give another --out FILE or pass --force to replace it.");
                ExportTarget.checkNameAccepted(target, id);
            }
            session.documents().export(id, target, TransferListener.NONE);
        }
        spec.commandLine().getOut().println(id + "\t" + target);
        return 0;
    }

    private void checkReplaceable(Path target, String message) {
        if (Files.exists(target) && !force) {
            throw new UsageException(message);
        }
    }

    private String originalName(UnlockedSession session) {
        return session.documents().list().stream()
                .filter(document -> document.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new SealDropException("SD-DOCUMENT-NOT-FOUND",
                        "No document with id " + id + " is in the index; list the documents to find its id."))
                .name();
    }
}
