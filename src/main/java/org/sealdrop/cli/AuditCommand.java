package org.sealdrop.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.sealdrop.auditserver.EventQuery;
import org.sealdrop.auditserver.ReceiverStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sealdrop audit}: tools for the receiver's event store and this computer's outbox. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Read and check the audit receiver's event store, or see the delivery status of this computer's audit events.",
        subcommands = {AuditCommand.Query.class, AuditVerifyCommand.class, AuditExportCommand.class,
            AuditStatusCommand.class})
final class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new UsageException("Name an audit subcommand, such as `sealdrop audit query --db FILE`.");
    }

    /** {@code sealdrop audit query}: prints stored events in a chosen format, oldest first. */
    @Command(name = "query", mixinStandardHelpOptions = true,
            description = "Print events stored by the audit receiver, oldest first, as a table, CSV, a JSON array"
                    + " or JSON lines.")
    static final class Query implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--db", required = true, paramLabel = "FILE", description = "The receiver's SQLite file.")
        Path database;

        @Option(names = "--document", paramLabel = "ID", description = "Only events of this document id.")
        UUID documentId;

        @Option(names = "--action", paramLabel = "ACTION", description = "Only this action, such as open or upload.")
        String action;

        @Option(names = "--device", paramLabel = "ID", description = "Only events of this device id.")
        String deviceId;

        @Option(names = "--user", paramLabel = "NAME", description = "Only events of this user.")
        String user;

        @Option(names = "--from", paramLabel = "TIME", description = "Only events at or after this UTC time (ISO-8601).")
        Instant from;

        @Option(names = "--to", paramLabel = "TIME", description = "Only events before this UTC time (ISO-8601).")
        Instant to;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "10000", description = "At most N events, up to 10000 (default: ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = EventFormat.Converter.class,
                description = "table, csv (RFC 4180 with a header row), json (one array) or jsonl (one event a line);"
                        + " default: ${DEFAULT-VALUE}.")
        EventFormat format;

        @Override
        public Integer call() {
            requireStore(database);
            try (ReceiverStore store = ReceiverStore.openForReading(database)) {
                List<String> bodies = store.queryBodies(new EventQuery(documentId, action, deviceId, user, from, to, limit));
                format.write(bodies, spec.commandLine().getOut());
            }
            return 0;
        }
    }

    /** Rejects a {@code --db} path with no file, so a typo does not create an empty store. */
    static void requireStore(Path database) {
        if (!Files.isRegularFile(database)) {
            throw new UsageException("The event store " + database + " does not exist; pass the --db file of `sealdrop audit-server`.");
        }
    }
}
