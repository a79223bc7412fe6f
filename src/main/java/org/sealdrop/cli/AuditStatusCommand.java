package org.sealdrop.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.sealdrop.audit.AuditStatus;
import org.sealdrop.audit.WireTime;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.ServiceOptions;
import org.sealdrop.index.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sealdrop audit status}: the delivery state of this computer's audit outbox and the events the
 * receiver rejected. It reads the home folder's index only, so it needs no passphrase and sends
 * nothing. With {@code --clear-rejections} it also marks the rejections as checked by IT.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Print how many audit events wait on this computer, how old the oldest is, when the audit"
                + " receiver last acknowledged events, the last delivery error and the events the receiver"
                + " rejected.")
final class AuditStatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--clear-rejections",
            description = "Mark the rejected audit events as checked by IT, so documents can be opened again;"
                    + " the events stay in the index as evidence.")
    boolean clearRejections;

    @Override
    public Integer call() {
        HomeFolder home = ((SealDropCommand) spec.root().userObject()).home.folder();
        if (!Files.isRegularFile(home.indexFile())) {
            throw new UsageException("The home folder " + home.root()
                    + " has no index yet; run `sealdrop init` first or pass the right --home.");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (clearRejections) {
            // Through the services, so that the clearing is itself an audit event, sent here if it can be.
            try (LocalServices services = LocalServices.open(home, ServiceOptions.defaults())) {
                out.println("cleared rejections: " + services.clearAuditRejections());
                services.flushAudit(Duration.ofSeconds(10));
            }
        }
        Database database = Database.open(home.indexFile());
        AuditStatus status = AuditStatus.read(database);
        Instant now = Instant.now();

        out.println("pending events: " + status.pendingCount());
        out.println("oldest pending: " + status.oldestPending()
                .map(oldest -> WireTime.format(oldest) + " (" + minutes(status.oldestPendingAge(now)) + " ago)")
                .orElse("none"));
        out.println("last delivery: " + status.lastDelivered().map(WireTime::format).orElse("never"));
        out.println("last error: " + status.lastError().orElse("none"));
        out.println("rejected events: " + status.rejectedCount()
                + status.latestRejection().map(error -> " (latest " + error + ")").orElse(""));
        if (status.rejectedCount() > 0) {
            out.println(rejectionAdvice(status.rejectedCount(), status.latestRejection().orElse("unknown error")));
        }
        return 0;
    }

    /** Returns what the receiver's error means and what IT does about it. */
    static String rejectionAdvice(long count, String error) {
        String cause = switch (error) {
            case "key_mismatch" -> "this computer's signing key differs from the one the receiver pinned;"
                    + " IT must check the device id and key";
            case "bad_signature" -> "the event changed after this computer signed it; IT must compare the body"
                    + " in the index table audit_rejected with the receiver's copy";
            default -> "IT must check the receiver's rejected_events table";
        };
        return "the receiver rejected " + count + " audit events of this computer (" + error + "): " + cause
                + ", see AUDIT.md; opening and exporting documents stay blocked until IT runs"
                + " `sealdrop audit status --clear-rejections`";
    }

    private static String minutes(Duration age) {
        return age.toMinutes() + " min";
    }
}
