package org.sealdrop.auditserver;

import java.util.List;

/**
 * Event ids of one batch: those stored now, those the store already had, and those it rejected.
 *
 * @param rejected rejected events with their error, {@code bad_signature} or {@code key_mismatch}
 */
record AppendResult(List<String> stored, List<String> duplicates, List<Rejection> rejected) {

    /** One rejected event of a batch. */
    record Rejection(String eventId, String error) {
    }
}
