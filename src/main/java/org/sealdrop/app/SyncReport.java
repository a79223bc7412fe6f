package org.sealdrop.app;

import java.util.List;
import java.util.UUID;

/**
 * What an index sync or rebuild changed. It names documents by id only.
 *
 * @param added documents listed now that were not before: uploaded by another computer, or restored
 *     by a rebuild
 * @param removed documents no longer listed because their object is gone from the bucket
 * @param kept documents listed before and after
 * @param damaged objects that failed their check and are not listed, each with its error code
 * @param skipped objects under {@code objects/} that are not documents, or that were deleted during
 *     the scan
 */
public record SyncReport(List<UUID> added, List<UUID> removed, int kept, List<Damaged> damaged, int skipped) {

    public SyncReport {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        damaged = List.copyOf(damaged);
    }

    /** Returns whether the document list changed, so a view shows it again. */
    public boolean changedList() {
        return !added.isEmpty() || !removed.isEmpty();
    }

    /**
     * An object that failed its check.
     *
     * @param id the document id in the object's key
     * @param errorCode why, such as {@code SD-INTEGRITY}
     */
    public record Damaged(UUID id, String errorCode) {
    }
}
