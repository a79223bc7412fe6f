package org.sealdrop.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.sealdrop.SealDropException;
import org.sealdrop.app.DocumentSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sealdrop verify}: downloads and authenticates documents without keeping their plaintext. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Download and authenticate documents (all when no id is given); exit status 1 if any fails.")
final class VerifyCommand implements Callable<Integer> {

    @ParentCommand
    SealDropCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "ID", description = "Document ids (default: every document in the index).")
    List<UUID> ids;

    @Mixin
    PassphraseOption passphrase;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int failures = 0;
        try (UnlockedSession session = UnlockedSession.open(parent.home.folder(), passphrase, spec.commandLine().getErr())) {
            List<UUID> targets = ids != null && !ids.isEmpty() ? ids
                    : session.documents().list().stream().map(DocumentSummary::id).toList();
            for (UUID id : targets) {
                try {
                    session.documents().verify(id);
                    out.println(id + "\tok");
                } catch (SealDropException e) {
                    out.println(id + "\tFAILED\t" + e.getMessage() + " [" + e.errorCode() + "]");
                    failures++;
                }
                out.flush();
            }
        }
        return failures == 0 ? 0 : SealDropCommand.EXIT_FAILURE;
    }
}
