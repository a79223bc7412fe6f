package org.sealdrop.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.sealdrop.app.SyncReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sealdrop index}: rebuilds or syncs this computer's index from the bucket. Both print one line
 * per damaged object (id, {@code damaged}, error code) and a summary, and exit with status 1 when an
 * object failed its check, so that scripts notice it; the index is changed all the same.
 */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Rebuild or sync this computer's document index from the objects in the bucket.",
        subcommands = {IndexCommand.Rebuild.class, IndexCommand.Sync.class})
final class IndexCommand implements Callable<Integer> {

    @ParentCommand
    SealDropCommand parent;

    @Override
    public Integer call() {
        throw new UsageException("Name an index subcommand: `sealdrop index rebuild` or `sealdrop index sync`.");
    }

    /** {@code sealdrop index rebuild}: replaces the document rows with the bucket's verified objects. */
    @Command(name = "rebuild", mixinStandardHelpOptions = true,
            description = "Replace the document list with every object in the bucket that passes its check "
                    + "(one HEAD and a ranged GET of its header each). Exit status 1 if any object is damaged.")
    static final class Rebuild implements Callable<Integer> {

        @ParentCommand
        IndexCommand index;

        @Spec
        CommandSpec spec;

        @Mixin
        PassphraseOption passphrase;

        @Override
        public Integer call() {
            try (UnlockedSession session = index.open(passphrase, spec)) {
                SyncReport report = session.documents().rebuildIndex();
                int restored = report.added().size() + report.kept();
                return print(spec.commandLine().getOut(), report, "Rebuilt the index from the bucket: "
                        + restored + " documents restored, " + report.damaged().size() + " damaged, "
                        + report.skipped() + " skipped.");
            }
        }
    }

    /** {@code sealdrop index sync}: adds objects of other computers and removes rows of deleted objects. */
    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = "List documents that other computers uploaded and drop those deleted from the bucket. "
                    + "Reads only the headers of new objects. Exit status 1 if any new object is damaged.")
    static final class Sync implements Callable<Integer> {

        @ParentCommand
        IndexCommand index;

        @Spec
        CommandSpec spec;

        @Mixin
        PassphraseOption passphrase;

        @Override
        public Integer call() {
            try (UnlockedSession session = index.open(passphrase, spec)) {
                SyncReport report = session.documents().sync();
                return print(spec.commandLine().getOut(), report, "Synced the index with the bucket: "
                        + report.added().size() + " added, " + report.removed().size() + " removed, "
                        + report.kept() + " kept, " + report.damaged().size() + " damaged, "
                        + report.skipped() + " skipped.");
            }
        }
    }

    private UnlockedSession open(PassphraseOption passphrase, CommandSpec spec) {
        return UnlockedSession.open(parent.home.folder(), passphrase, spec.commandLine().getErr());
    }

    /** Prints a line per damaged object, then {@code summary}, and returns the exit status. */
    private static int print(PrintWriter out, SyncReport report, String summary) {
        for (SyncReport.Damaged damaged : report.damaged()) {
            out.println(damaged.id() + "\tdamaged\t" + damaged.errorCode());
        }
        out.println(summary);
        out.flush();
        return report.damaged().isEmpty() ? 0 : SealDropCommand.EXIT_FAILURE;
    }
}
