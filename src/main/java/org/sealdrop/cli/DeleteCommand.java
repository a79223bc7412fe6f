package org.sealdrop.cli;

import java.io.Console;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.sealdrop.SealDropException;
import org.sealdrop.app.DocumentSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sealdrop delete}: deletes one document from the bucket and the index, recorded as a
 * {@code delete} audit event. It prompts for confirmation on the terminal unless {@code --yes} is given.
 */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete one document from the bucket and the index; recorded as a delete in the audit trail."
                + " A bucket with versioning keeps the previous version of the object.")
final class DeleteCommand implements Callable<Integer> {

    @ParentCommand
    SealDropCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "Document id, as printed by `sealdrop list`.")
    UUID id;

    @Option(names = "--yes", description = "Delete without asking for confirmation, for scripts.")
    boolean yes;

    @Mixin
    PassphraseOption passphrase;

    @Override
    public Integer call() {
        Console console = System.console();
        if (!yes && console == null) {
            throw new UsageException("No terminal is attached to confirm the delete; pass --yes to delete without asking.");
        }
        try (UnlockedSession session = UnlockedSession.open(parent.home.folder(), passphrase, spec.commandLine().getErr())) {
            if (!yes && !confirmed(console, find(session))) {
                spec.commandLine().getErr().println("sealdrop: nothing was deleted because the delete was not confirmed.");
                return SealDropCommand.EXIT_FAILURE;
            }
            session.documents().delete(id);
        }
        spec.commandLine().getOut().println(id + "\tdeleted");
        return 0;
    }

    private DocumentSummary find(UnlockedSession session) {
        return session.documents().list().stream()
                .filter(document -> document.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new SealDropException("SD-DOCUMENT-NOT-FOUND",
                        "No document with id " + id + " is in the index; list the documents to find its id."));
    }

    /** Shows the document's name on the terminal, which its user may see, and accepts only "y" or "yes". */
    private static boolean confirmed(Console console, DocumentSummary document) {
        String answer = console.readLine("Delete %s (%s)? It cannot be undone from SealDrop. [y/N] ",
                document.name(), document.id());
        if (answer == null) {
            return false;
        }
        String normalized = answer.strip().toLowerCase(Locale.ROOT);
        return normalized.equals("y") || normalized.equals("yes");
    }
}
