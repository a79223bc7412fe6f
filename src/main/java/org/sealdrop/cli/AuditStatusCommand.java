package org.sealdrop.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.sealdrop.audit.AuditStatus;
import org.sealdrop.audit.WireTime;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.index.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code sealdrop audit status}: the delivery state of this computer's audit outbox. It reads the
 * home folder's index only, so it needs no passphrase and sends nothing.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Print how many audit events wait on this computer, how old the oldest is, when the audit"
                + " receiver last acknowledged events and the last delivery error.")
final class AuditStatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        HomeFolder home = ((SealDropCommand) spec.root().userObject()).home.folder();
        if (!Files.isRegularFile(home.indexFile())) {
            throw new UsageException("The home folder " + home.root()
                    + " has no index yet; run `sealdrop init` first or pass the right --home.");
        }
        AuditStatus status = AuditStatus.read(Database.open(home.indexFile()));
        Instant now = Instant.now();

        PrintWriter out = spec.commandLine().getOut();
        out.println("pending events: " + status.pendingCount());
        out.println("oldest pending: " + status.oldestPending()
                .map(oldest -> WireTime.format(oldest) + " (" + minutes(status.oldestPendingAge(now)) + " ago)")
                .orElse("none"));
        out.println("last delivery: " + status.lastDelivered().map(WireTime::format).orElse("never"));
        out.println("last error: " + status.lastError().orElse("none"));
        return 0;
    }

    private static String minutes(Duration age) {
        return age.toMinutes() + " min";
    }
}
