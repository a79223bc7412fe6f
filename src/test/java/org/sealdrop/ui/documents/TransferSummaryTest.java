package org.sealdrop.ui.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransferSummaryTest {

    @Test
    void emptyListSaysNone() {
        assertEquals("none", TransferSummary.of(List.of()));
    }

    @Test
    void countsRunningBeforeProblems() {
        assertEquals("2 uploading, 1 failed", TransferSummary.of(List.of(TransferState.FAILED,
                TransferState.UPLOADING, TransferState.UPLOADING)));
    }

    @Test
    void everyStateIsCounted() {
        List<TransferState> states = List.of(TransferState.UPLOADED, TransferState.SKIPPED, TransferState.CANCELLED,
                TransferState.FAILED, TransferState.OPENING, TransferState.QUEUED, TransferState.QUEUED,
                TransferState.CHECKING, TransferState.UPLOADING, TransferState.UPLOADED, TransferState.UPLOADED);

        assertEquals("1 uploading, 1 checking, 2 queued, 1 opening, 1 failed, 1 cancelled, 1 skipped, 3 uploaded",
                TransferSummary.of(states));
    }

    @Test
    void largeCountIsGrouped() {
        assertEquals("1,200 queued", TransferSummary.of(Collections.nCopies(1200, TransferState.QUEUED)));
    }
}
