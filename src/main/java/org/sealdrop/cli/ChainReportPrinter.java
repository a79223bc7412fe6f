package org.sealdrop.cli;

import java.io.PrintWriter;
import java.util.List;
import org.sealdrop.auditserver.ChainReport;
import org.sealdrop.auditserver.ChainReport.SequenceGap;
import org.sealdrop.auditserver.ReceiverStore;

/**
 * Prints one {@link ChainReport} for an investigator: a device line with OK or the number of problems,
 * then one line a problem that names the sequence numbers and the event ids stored under them.
 */
final class ChainReportPrinter {

    private final ReceiverStore store;
    private final PrintWriter out;

    ChainReportPrinter(ReceiverStore store, PrintWriter out) {
        this.store = store;
        this.out = out;
    }

    void print(ChainReport report) {
        String device = report.deviceId();
        if (report.eventCount() == 0) {
            out.println(device + ": no events stored");
            return;
        }
        if (report.intact()) {
            out.println(device + ": OK, " + events(report.eventCount()) + ", sequence 1 to " + report.lastSequence());
            printPinnedKey(report);
            return;
        }

        int problems = report.gaps().size() + report.brokenLinks().size() + report.conflictingSequences().size()
                + report.alteredEvents().size() + report.keyChanges().size() + report.rejectedEvents().size();
        out.println(device + ": " + (problems == 0 ? "problems" : problems + (problems == 1 ? " problem" : " problems"))
                + " in " + events(report.eventCount()));
        for (SequenceGap gap : report.gaps()) {
            out.println("  gap: sequence " + range(gap) + " missing, between " + events(device, gap.first() - 1)
                    + " and " + events(device, gap.last() + 1));
        }
        for (long sequence : report.brokenLinks()) {
            out.println("  broken link: sequence " + sequence + ", " + events(device, sequence)
                    + ", carries a previousHash that is not the hash of sequence " + (sequence - 1) + ", "
                    + events(device, sequence - 1) + "; one of them was altered, replaced or moved");
        }
        for (long sequence : report.conflictingSequences()) {
            out.println("  conflict: sequence " + sequence + " is held by " + events(device, sequence));
        }
        for (long sequence : report.alteredEvents()) {
            // Only the failing ids, so a genuine event that shares its sequence number with a forged one is not named.
            List<String> ids = store.eventIdsAt(device, sequence).stream().filter(report.alteredEventIds()::contains).toList();
            out.println("  altered: sequence " + sequence + ", " + (ids.size() == 1 ? "event " : "events ")
                    + String.join(", ", ids) + ", fails its signature or differs from its signed body");
        }
        for (long sequence : report.keyChanges()) {
            out.println("  key change: sequence " + sequence + ", " + events(device, sequence)
                    + ", names a public key other than the one pinned for this device");
        }
        for (ChainReport.RejectedEvent rejected : report.rejectedEvents()) {
            out.println("  rejected: event " + rejected.eventId() + " (sequence " + rejected.sequence() + ") arrived at "
                    + rejected.firstReceivedAt() + " and was rejected with " + rejected.error());
        }
        printPinnedKey(report);
        if (problems == 0) {
            // NOTE: the report flagged a kind of problem this printer does not know yet; print it whole.
            out.println("  " + report);
        }
    }

    private void printPinnedKey(ChainReport report) {
        if (report.pinnedKey() != null) {
            out.println("  pinned key: " + report.pinnedKey());
        }
    }

    private static String events(long count) {
        return count + (count == 1 ? " event" : " events");
    }

    private static String range(SequenceGap gap) {
        return gap.first() == gap.last() ? Long.toString(gap.first()) : gap.first() + " to " + gap.last();
    }

    /** Returns "event ID" or "events ID, ID" for the events stored under {@code sequence}. */
    private String events(String device, long sequence) {
        if (sequence < 1) {
            return "the start of the chain";
        }
        List<String> ids = store.eventIdsAt(device, sequence);
        if (ids.isEmpty()) {
            return "no stored event";
        }
        return (ids.size() == 1 ? "event " : "events ") + String.join(", ", ids);
    }
}
