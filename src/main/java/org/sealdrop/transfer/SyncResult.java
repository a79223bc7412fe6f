package org.sealdrop.transfer;

import java.util.List;
import java.util.UUID;

/**
 * What an index rebuild or sync changed. Ids are document ids, and no field contains a name.
 *
 * @param added documents listed by this run: objects that passed the check and had no row before
 * @param removed rows deleted because their object is no longer in the bucket
 * @param kept rows whose object is still in the bucket and that stay listed
 * @param damaged objects that failed the check and are not listed, each with its error code
 * @param skipped objects under {@code objects/} whose name is not a document id, or that were deleted
 *     between the listing and their check
 */
public record SyncResult(List<UUID> added, List<UUID> removed, int kept, List<DamagedObject> damaged, int skipped) {

    public SyncResult {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        damaged = List.copyOf(damaged);
    }

    /** Returns whether the run added or removed any row. */
    public boolean changedIndex() {
        return !added.isEmpty() || !removed.isEmpty();
    }

    /**
     * An object that failed the check.
     *
     * @param id the document id in the object's key, which the failed check could not confirm
     * @param errorCode why it failed, such as {@code SD-INTEGRITY}, {@code SD-FORMAT-UNSUPPORTED} or
     *     {@code SD-KEY-VERSION}
     */
    public record DamagedObject(UUID id, String errorCode) {
    }
}
