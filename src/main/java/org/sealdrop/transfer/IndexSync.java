package org.sealdrop.transfer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sealdrop.SealDropException;
import org.sealdrop.audit.AuditAction;
import org.sealdrop.audit.Outcome;
import org.sealdrop.crypto.ContentTagKey;
import org.sealdrop.crypto.IntegrityException;
import org.sealdrop.index.DocumentRecord;
import org.sealdrop.storage.ObjectInfo;
import org.sealdrop.vault.VaultKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the index in line with the objects in the bucket: {@link #rebuild()} recreates it from the
 * bucket alone, {@link #sync()} adds objects uploaded by other computers and removes rows whose object
 * is gone. Both read each object they check with one HEAD request and a ranged GET of its header
 * ({@link HeaderFetcher}), then check it with the vault key ({@link BucketObjectCheck}).
 *
 * <p>An object that fails its check gets no row, so it is never listed or opened. It is returned in
 * {@link SyncResult#damaged()} with its error code and logged by id. When it failed authentication
 * ({@link IntegrityException}), it is also recorded as an {@code integrity_failure} audit event, once
 * per object version and process ({@link ReportedDamage}). Because it has no row, every sync checks it
 * again, and an object restored from a backup is listed as soon as it passes.
 *
 * <p>A failed S3 request aborts the whole run before the index changes.
 */
public final class IndexSync {

    /** Key of the folder of document objects, relative to the vault prefix. */
    static final String OBJECTS_FOLDER = "objects/";

    private static final Logger LOG = LoggerFactory.getLogger(IndexSync.class);

    private final TransferContext context;
    private final ReportedDamage reportedDamage;
    private final HeaderFetcher fetcher;

    public IndexSync(TransferContext context, ReportedDamage reportedDamage) {
        this.context = context;
        this.reportedDamage = reportedDamage;
        this.fetcher = new HeaderFetcher(context.store());
    }

    /**
     * Adds a row for every object that has none and passes its check. Deletes every row whose object
     * is not in the bucket, and leaves the other rows as they are. Only the headers of objects without
     * a row are downloaded.
     *
     * <p>Rows are read before the bucket is listed, and only those rows may be deleted. A row that an
     * upload adds during the sync therefore stays, because its object may be missing from the listing.
     *
     * @throws org.sealdrop.vault.VaultLockedException when the vault is locked
     * @throws org.sealdrop.storage.StorageException when listing or reading the bucket fails
     */
    public SyncResult sync() {
        Map<String, UUID> rowsBefore = context.index().objectKeys();
        Listing listing = list();
        Set<String> known = new HashSet<>(rowsBefore.keySet());
        known.addAll(context.index().objectKeys().keySet());
        try (Scan scan = check(listing, known, "sync")) {
            return apply(rowsBefore, listing, scan);
        }
    }

    private SyncResult apply(Map<String, UUID> rowsBefore, Listing listing, Scan scan) {
        List<Map.Entry<String, UUID>> gone = rowsBefore.entrySet().stream()
                .filter(row -> !listing.keys().contains(row.getKey()))
                .toList();
        List<UUID> added = new ArrayList<>();
        List<UUID> removed = new ArrayList<>();
        context.database().inTransaction(transaction -> {
            for (BucketObjectCheck.Verified object : scan.verified()) {
                if (context.index().insertIfAbsent(transaction, object.record())) {
                    added.add(object.record().id());
                    tag(transaction, object, scan.tagKey());
                }
            }
            for (Map.Entry<String, UUID> row : gone) {
                if (context.index().delete(transaction, row.getValue(), row.getKey())) {
                    removed.add(row.getValue());
                }
            }
            return null;
        });

        int kept = rowsBefore.size() - gone.size();
        return finish("sync", new SyncResult(added, removed, kept, scan.damaged(), listing.skipped() + scan.vanished()));
    }

    /**
     * Checks every object in the bucket and replaces all document rows with the rows of the objects
     * that passed, in one transaction. A failure therefore leaves the previous index, and no reader
     * sees a half rebuilt one. The audit outbox and chain are in other tables and stay. Every row comes
     * back with status uploaded, also one marked damaged by an earlier open, because only the header
     * is checked here.
     *
     * <p>NOTE: a row that an upload in another thread or process adds while the rebuild runs is deleted
     * with the others when its object was listed too late; the next sync lists it again.
     *
     * @throws org.sealdrop.vault.VaultLockedException when the vault is locked
     * @throws org.sealdrop.storage.StorageException when listing or reading the bucket fails
     */
    public SyncResult rebuild() {
        Map<String, UUID> rowsBefore = context.index().objectKeys();
        Listing listing = list();
        try (Scan scan = check(listing, Set.of(), "rebuild")) {
            return replaceRows(rowsBefore, scan, listing);
        }
    }

    private SyncResult replaceRows(Map<String, UUID> rowsBefore, Scan scan, Listing listing) {
        context.database().inTransaction(transaction -> {
            context.index().deleteAll(transaction);
            for (BucketObjectCheck.Verified object : scan.verified()) {
                context.index().insert(transaction, object.record());
                tag(transaction, object, scan.tagKey());
            }
            return null;
        });

        Set<String> rebuiltKeys = new HashSet<>();
        List<UUID> added = new ArrayList<>();
        for (BucketObjectCheck.Verified object : scan.verified()) {
            DocumentRecord record = object.record();
            rebuiltKeys.add(record.objectKey());
            if (!rowsBefore.containsKey(record.objectKey())) {
                added.add(record.id());
            }
        }
        List<UUID> removed = rowsBefore.entrySet().stream()
                .filter(row -> !rebuiltKeys.contains(row.getKey()))
                .map(Map.Entry::getValue)
                .toList();
        int kept = rowsBefore.size() - removed.size();
        return finish("rebuild", new SyncResult(added, removed, kept, scan.damaged(), listing.skipped() + scan.vanished()));
    }

    /** Lists {@code objects/} and keeps the keys whose name is a document id in its canonical form. */
    private Listing list() {
        String folder = context.store().key(OBJECTS_FOLDER);
        Map<String, UUID> documents = new HashMap<>();
        int skipped = 0;
        for (ObjectInfo object : context.store().list(OBJECTS_FOLDER)) {
            Optional<UUID> id = documentId(object.key().substring(folder.length()));
            if (id.isPresent()) {
                documents.put(object.key(), id.get());
            } else {
                skipped++;
            }
        }
        return new Listing(documents, skipped);
    }

    /** Stores the content tag of a new row from the SHA-256 in its decrypted metadata. */
    private void tag(Connection transaction, BucketObjectCheck.Verified object, ContentTagKey tagKey) throws SQLException {
        context.index().setContentTag(transaction, object.record().id(), tagKey.tag(object.sha256Hex()),
                tagKey.vaultKeyVersion());
    }

    /** Checks the listed objects whose key is not in {@code known}. */
    private Scan check(Listing listing, Set<String> known, String operation) {
        VaultKeys keys = context.vaultKeys().get();
        Instant now = context.clock().instant();
        List<BucketObjectCheck.Verified> verified = new ArrayList<>();
        List<SyncResult.DamagedObject> damaged = new ArrayList<>();
        int vanished = 0;

        for (Map.Entry<String, UUID> object : listing.documents().entrySet()) {
            if (known.contains(object.getKey())) {
                continue;
            }
            UUID id = object.getValue();
            Optional<HeaderFetcher.FetchedHeader> fetched = Optional.empty();
            try {
                fetched = fetcher.fetch(id, object.getKey());
                if (fetched.isEmpty()) {
                    vanished++;
                    continue;
                }
                verified.add(BucketObjectCheck.check(id, fetched.get(), keys, now));
            } catch (SealDropException e) {
                if (!(e instanceof IntegrityException) && !"SD-KEY-VERSION".equals(e.errorCode())) {
                    throw e;
                }
                damaged.add(new SyncResult.DamagedObject(id, e.errorCode()));
                reportDamage(id, fetched.map(f -> f.info().eTag()).orElse(""), e, operation);
            }
        }
        // The tag key is derived after the checks, so a vault locked meanwhile fails the run before the index changes.
        return new Scan(verified, damaged, vanished, keys.contentTagKey());
    }

    private void reportDamage(UUID id, String eTag, SealDropException failure, String operation) {
        if (!reportedDamage.firstReport(id, eTag)) {
            LOG.debug("Object of document {} still fails its check: {}", id, failure.errorCode());
            return;
        }
        LOG.warn("Object of document {} failed its check during the index {} and is not listed: {}", id, operation,
                failure.errorCode());
        if (failure instanceof IntegrityException) {
            context.audit().record(AuditAction.INTEGRITY_FAILURE, id, Outcome.FAILURE, operation);
        }
    }

    private static SyncResult finish(String operation, SyncResult result) {
        if (result.changedIndex() || !result.damaged().isEmpty()) {
            LOG.info("Index {} finished: {} added, {} removed, {} kept, {} damaged, {} skipped", operation,
                    result.added().size(), result.removed().size(), result.kept(), result.damaged().size(), result.skipped());
        } else {
            LOG.debug("Index {} finished without changes: {} kept, {} skipped", operation, result.kept(), result.skipped());
        }
        return result;
    }

    private static Optional<UUID> documentId(String name) {
        try {
            UUID id = UUID.fromString(name);
            // UUID.fromString also accepts short and upper-case forms, which no upload writes.
            return name.equals(id.toString()) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Document objects by full key, and the number of other keys under {@code objects/}. */
    private record Listing(Map<String, UUID> documents, int skipped) {
        Set<String> keys() {
            return documents.keySet();
        }
    }

    /** Objects that passed or failed their check, and the content tag key for the new rows, which the caller closes. */
    private record Scan(List<BucketObjectCheck.Verified> verified, List<SyncResult.DamagedObject> damaged, int vanished,
            ContentTagKey tagKey) implements AutoCloseable {
        @Override
        public void close() {
            tagKey.close();
        }
    }
}
