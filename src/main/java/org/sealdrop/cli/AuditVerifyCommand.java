package org.sealdrop.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sealdrop.auditserver.ChainReport;
import org.sealdrop.auditserver.ReceiverStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sealdrop audit verify}: checks the hash chain of every device in the receiver's store. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check the hash chain of each device in the audit receiver's store and print OK or each problem"
                + " with the event ids, and whether the append-only triggers are still there. Exit status 0 when every"
                + " chain is intact and the triggers exist, 1 otherwise.")
final class AuditVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The receiver's SQLite file.")
    Path database;

    @Option(names = "--device", paramLabel = "ID", description = "Check only this device (default: every device).")
    String deviceId;

    @Override
    public Integer call() {
        AuditCommand.requireStore(database);
        PrintWriter out = spec.commandLine().getOut();
        int damaged = 0;
        List<String> devices;
        boolean triggersMissing;
        try (ReceiverStore store = ReceiverStore.openForReading(database)) {
            List<String> missing = store.missingAppendOnlyTriggers();
            triggersMissing = !missing.isEmpty();
            if (triggersMissing) {
                out.println("store: the append-only " + (missing.size() == 1 ? "trigger " : "triggers ")
                        + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                        + " missing, so the file was changed outside the receiver");
            }
            devices = deviceId != null ? List.of(deviceId) : store.deviceIds();
            ChainReportPrinter printer = new ChainReportPrinter(store, out);
            for (String device : devices) {
                ChainReport report = store.verifyChain(device);
                printer.print(report);
                if (!report.intact() || report.eventCount() == 0) {
                    damaged++;
                }
            }
        }

        if (devices.isEmpty()) {
            // An empty result is no proof of a clean log: the wrong file, a wiped one, or a `cp` of a live
            // database whose events are still in its -wal file all look like this.
            out.println("No events are stored in " + database + "; check that it is the receiver's --db file,"
                    + " and copy a live database with sqlite3's .backup command, not cp.");
            out.flush();
            return SealDropCommand.EXIT_FAILURE;
        }
        out.println(devices.size() + (devices.size() == 1 ? " device" : " devices") + " checked, " + damaged
                + " with problems.");
        out.flush();
        return damaged == 0 && !triggersMissing ? 0 : SealDropCommand.EXIT_FAILURE;
    }
}
