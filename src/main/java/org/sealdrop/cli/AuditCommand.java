package org.sealdrop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
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
        description = "Read the audit receiver's event store, or the delivery status of this computer's audit events.",
        subcommands = {AuditCommand.Query.class, AuditStatusCommand.class})
final class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new UsageException("Name an audit subcommand, such as `sealdrop audit query --db FILE`.");
    }

    /** {@code sealdrop audit query}: prints stored events as JSON lines, oldest first. */
    @Command(name = "query", mixinStandardHelpOptions = true,
            description = "Print events stored by the audit receiver as JSON lines (one event a line), oldest first.")
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

        @Override
        public Integer call() {
            if (!Files.isRegularFile(database)) {
                throw new UsageException("The event store " + database + " does not exist; pass the --db file of `sealdrop audit-server`.");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (ReceiverStore store = ReceiverStore.open(database)) {
                List<JsonNode> events = store.query(new EventQuery(documentId, action, deviceId, user, from, to, limit));
                events.forEach(event -> out.println(event.toString()));
            }
            return 0;
        }
    }
}
