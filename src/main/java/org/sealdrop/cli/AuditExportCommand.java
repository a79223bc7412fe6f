package org.sealdrop.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.sealdrop.auditserver.ReceiverStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sealdrop audit export}: every stored event in a time range as JSON lines, for a SIEM. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Print every event stored by the audit receiver in a time range as JSON lines (one event a line,"
                + " oldest first, no limit on the count), for a SIEM.")
final class AuditExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The receiver's SQLite file.")
    Path database;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
            description = "The output format; only jsonl (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--from", paramLabel = "TIME", description = "Only events at or after this UTC time (ISO-8601).")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", description = "Only events before this UTC time (ISO-8601).")
    Instant to;

    @Override
    public Integer call() {
        if (!format.equalsIgnoreCase("jsonl")) {
            throw new UsageException("The export format " + format + " is not supported; give jsonl, or use"
                    + " `sealdrop audit query --format` for table, csv or json.");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new UsageException("The start " + from + " is after the end " + to + "; swap --from and --to.");
        }
        AuditCommand.requireStore(database);

        PrintWriter out = spec.commandLine().getOut();
        try (ReceiverStore store = ReceiverStore.openForReading(database)) {
            // Streamed row by row, so an export of millions of events needs no more memory than one.
            store.forEachBody(from, to, body -> out.print(EventFormat.jsonLine(body) + "\n"));
        }
        out.flush();
        return 0;
    }
}
