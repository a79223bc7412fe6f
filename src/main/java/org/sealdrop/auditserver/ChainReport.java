package org.sealdrop.auditserver;

import java.util.List;

/**
 * The state of one device's hash chain in the receiver.
 *
 * @param deviceId the device checked
 * @param eventCount events stored for the device
 * @param lastSequence the highest sequence number stored, 0 when there are none
 * @param gaps runs of sequence numbers from 1 to {@code lastSequence} with no stored event: not
 *     delivered yet, rejected, or lost. Events after the last stored one cannot be seen here.
 * @param brokenLinks sequence numbers whose {@code previousHash} differs from the SHA-256 of the stored
 *     event before them (or, for sequence 1, from 64 zeros): events stored out of order, or the
 *     successor of an altered or substituted event
 * @param conflictingSequences sequence numbers held by more than one event id, as after a device's
 *     index was restored from a backup
 * @param alteredEvents sequence numbers of stored events whose signature does not verify, or whose
 *     indexed columns differ from their body: changed after the device signed them
 * @param keyChanges sequence numbers of stored events signed with a key other than the one pinned
 *     for the device
 * @param rejectedEvents events the receiver rejected on receipt, for a bad signature or a key other
 *     than the pinned one, in sequence order
 * @param pinnedKey the base64 Ed25519 public key pinned for the device, or null when none is
 * @param alteredEventIds the ids of the events behind {@code alteredEvents}, so that of two events
 *     sharing a sequence number the altered one can be named
 */
public record ChainReport(String deviceId, long eventCount, long lastSequence, List<SequenceGap> gaps,
        List<Long> brokenLinks, List<Long> conflictingSequences, List<Long> alteredEvents, List<Long> keyChanges,
        List<RejectedEvent> rejectedEvents, String pinnedKey, List<String> alteredEventIds) {

    public ChainReport {
        alteredEventIds = List.copyOf(alteredEventIds);
        gaps = List.copyOf(gaps);
        brokenLinks = List.copyOf(brokenLinks);
        conflictingSequences = List.copyOf(conflictingSequences);
        alteredEvents = List.copyOf(alteredEvents);
        keyChanges = List.copyOf(keyChanges);
        rejectedEvents = List.copyOf(rejectedEvents);
    }

    /** Creates a report without signature findings, for chains checked by hash alone. */
    public ChainReport(String deviceId, long eventCount, long lastSequence, List<SequenceGap> gaps,
            List<Long> brokenLinks, List<Long> conflictingSequences) {
        this(deviceId, eventCount, lastSequence, gaps, brokenLinks, conflictingSequences, List.of(), List.of(),
                List.of(), null, List.of());
    }

    /** Returns true when the chain has no gap, broken link, conflict, altered event, key change or rejection. */
    public boolean intact() {
        return gaps.isEmpty() && brokenLinks.isEmpty() && conflictingSequences.isEmpty() && alteredEvents.isEmpty()
                && keyChanges.isEmpty() && rejectedEvents.isEmpty();
    }

    /** Sequence numbers {@code first} to {@code last}, both included, that no stored event has. */
    public record SequenceGap(long first, long last) {
    }

    /**
     * An event the receiver rejected.
     *
     * @param error {@code bad_signature} or {@code key_mismatch}
     * @param firstReceivedAt when the receiver first rejected this body, in the wire time format
     */
    public record RejectedEvent(String eventId, long sequence, String error, String firstReceivedAt) {
    }
}
