package org.sealdrop.transfer;

import java.util.UUID;
import org.sealdrop.SealDropException;
import org.sealdrop.audit.AuditAction;
import org.sealdrop.audit.Outcome;
import org.sealdrop.index.DocumentRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deleting a document: its object from the bucket first, then its row and the {@code delete} audit
 * event in one index transaction.
 *
 * <p>The order keeps the rule that the index never lists a document whose object is gone: the row
 * goes only after S3 confirmed the delete. A crash between the two steps leaves a row without an
 * object, which the next index sync removes. Because the row stays until then, a sync on this computer
 * cannot list the object again either: it adds only objects that are in the bucket.
 */
public final class DocumentDeletion {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentDeletion.class);

    private final TransferContext context;

    public DocumentDeletion(TransferContext context) {
        this.context = context;
    }

    /**
     * Deletes the object of document {@code id} from the bucket, then removes its row and records a
     * {@code delete} event with outcome {@code success} in one transaction.
     *
     * <p>An object that is already gone from the bucket (deleted on another computer, say) counts as
     * deleted: S3 confirms a delete of a missing key, so the row is removed with a success event too.
     * When S3 rejects the delete, the row stays and a {@code delete} event with outcome
     * {@code failure} and the error code as its reason is recorded before the exception leaves. In a
     * bucket with versioning, S3 keeps the previous version of the object and adds a delete marker,
     * so the encrypted document stays recoverable by the bucket's owner.
     *
     * @throws SealDropException {@code SD-DOCUMENT-NOT-FOUND} when the index has no such document
     *     (nothing is recorded), an {@code SD-S3-...} code when S3 rejects the delete, or the code of a
     *     failed index write
     */
    public void delete(UUID id) {
        DocumentRecord record = new DocumentAccess(context).find(id);

        try {
            context.store().delete(record.objectKey());
        } catch (SealDropException e) {
            if (!"SD-S3-NOT-FOUND".equals(e.errorCode())) {
                LOG.warn("Delete of document {} failed in the bucket: {}", id, e.errorCode());
                context.audit().record(AuditAction.DELETE, id, Outcome.FAILURE, e.errorCode());
                throw e;
            }
            // Some S3-compatible stores return 404 for a missing key where S3 returns 204. The object is gone either way.
            LOG.info("Object of document {} was already gone from the bucket", id);
        }

        // NOTE: when this transaction fails, the object is gone but the row stays and no event is written.
        // Deleting the id again then records the event; a sync that comes first removes the row without one.
        context.database().inTransaction(transaction -> {
            context.index().delete(transaction, id, record.objectKey());
            context.audit().record(transaction, AuditAction.DELETE, id, Outcome.SUCCESS, null);
            return null;
        });
        LOG.info("Deleted document {}", id);
    }
}
