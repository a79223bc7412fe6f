package org.sealdrop.ui.documents;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sealdrop.ui.Messages;

/**
 * The collapsed transfer panel's one-line summary, such as "2 uploading, 1 failed": a count per state
 * that has rows, running states first, then problems, then finished ones.
 */
final class TransferSummary {

    /** Order of the counts in the summary: what needs attention comes before what is done. */
    private static final List<TransferState> ORDER = List.of(TransferState.UPLOADING, TransferState.CHECKING,
            TransferState.QUEUED, TransferState.OPENING, TransferState.FAILED, TransferState.CANCELLED,
            TransferState.SKIPPED, TransferState.UPLOADED);

    private TransferSummary() {
    }

    /** Returns the summary of rows in {@code states}, or the text for no transfers when it is empty. */
    static String of(Iterable<TransferState> states) {
        Map<TransferState, Integer> counts = new EnumMap<>(TransferState.class);
        for (TransferState state : states) {
            counts.merge(state, 1, Integer::sum);
        }
        if (counts.isEmpty()) {
            return Messages.text("transfers.summary.none");
        }

        List<String> parts = new ArrayList<>();
        for (TransferState state : ORDER) {
            Integer count = counts.get(state);
            if (count != null) {
                parts.add(Messages.text("transfers.summary." + state.name().toLowerCase(Locale.ROOT), count));
            }
        }
        return String.join(", ", parts);
    }
}
