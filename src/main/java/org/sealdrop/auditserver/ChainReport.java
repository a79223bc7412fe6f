package org.sealdrop.auditserver;

import java.util.List;

/**
 * The state of one device's hash chain in the receiver.
 *
 * @param deviceId the device checked
 * @param eventCount events stored for the device
 * @param lastSequence the highest sequence number stored, 0 when there are none
 * @param gaps runs of sequence numbers from 1 to {@code lastSequence} with no stored event: not
 *     delivered yet, or lost. Events after the last stored one cannot be seen here.
 * @param brokenLinks sequence numbers whose {@code previousHash} differs from the SHA-256 of the stored
 *     event before them (or, for sequence 1, from 64 zeros): an altered or substituted event
 * @param conflictingSequences sequence numbers held by more than one event id, as after a device's
 *     index was restored from a backup
 */
public record ChainReport(String deviceId, long eventCount, long lastSequence, List<SequenceGap> gaps,
        List<Long> brokenLinks, List<Long> conflictingSequences) {

    /** Returns true when the chain has no gap, broken link or conflict. */
    public boolean intact() {
        return gaps.isEmpty() && brokenLinks.isEmpty() && conflictingSequences.isEmpty();
    }

    /** Sequence numbers {@code first} to {@code last}, both included, that no stored event has. */
    public record SequenceGap(long first, long last) {
    }
}
