package org.sealdrop.transfer;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Supplier;
import org.sealdrop.audit.AuditPolicyGate;
import org.sealdrop.audit.AuditTrail;
import org.sealdrop.index.Database;
import org.sealdrop.index.DocumentIndex;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.vault.VaultKeys;

/**
 * The services an upload or download job works with.
 *
 * @param database the device's index database (documents and audit outbox)
 * @param index document rows
 * @param store the vault's bucket and prefix
 * @param audit where jobs record their audit events
 * @param vaultKeys the unlocked vault keys; throws {@code VaultLockedException} when locked
 * @param random source of document keys, ids and nonces
 * @param clock time of rows and metadata
 * @param user the signed-in user, recorded as "added by"
 * @param auditGate the audit policy that opening and exporting pass before plaintext leaves
 */
public record TransferContext(Database database, DocumentIndex index, ObjectStore store, AuditTrail audit,
        Supplier<VaultKeys> vaultKeys, SecureRandom random, Clock clock, String user, AuditPolicyGate auditGate) {

    /** Key of a document's object: the vault prefix, {@code objects/} and the document id, never a name. */
    public String objectKey(java.util.UUID documentId) {
        return store.key("objects/" + documentId);
    }
}
