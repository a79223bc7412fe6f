package org.sealdrop.vault;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sealdrop.SealDropException;
import org.sealdrop.crypto.KeyWrapping;
import org.sealdrop.crypto.SecretKeyBytes;
import org.sealdrop.index.Database;
import org.sealdrop.index.DocumentIndex;
import org.sealdrop.index.DocumentRecord;
import org.sealdrop.storage.ObjectInfo;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.storage.StorageException;

/**
 * Re-wraps the document key of one object: HEAD, unwrap with the version it names, wrap with the
 * newest version, replace the object's metadata by a server-side copy, then update the index row if
 * this computer has one. Content is never downloaded or uploaded.
 *
 * <p>Each step can be repeated: an object already at the newest version is left alone, and its index
 * row is brought up to date if a crash or another computer's rotation left it behind.
 */
final class ObjectRewrap {

    /** HEAD-and-copy attempts when the object changes between them (another rotation at the same time). */
    private static final int ATTEMPTS = 3;

    private final ObjectStore store;
    private final Database database;
    private final DocumentIndex index;
    private final SecureRandom random;
    private final Clock clock;

    ObjectRewrap(ObjectStore store, Database database, DocumentIndex index, SecureRandom random, Clock clock) {
        this.store = store;
        this.database = database;
        this.index = index;
        this.random = random;
        this.clock = clock;
    }

    /**
     * Brings one object to the newest version of {@code keys} when {@code rewrite} is set, or only
     * reads its version otherwise. Either way a stale index row is updated.
     */
    Result process(String objectKey, UUID documentId, VaultKeys keys, boolean rewrite) {
        int target = keys.currentVersion();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<ObjectInfo> head = store.head(objectKey);
            if (head.isEmpty()) {
                return Result.gone(documentId);
            }
            Optional<byte[]> wrapped = WrappedKeyMetadata.read(head.get());
            if (wrapped.isEmpty() || wrapped.get().length != KeyWrapping.WRAPPED_DOCUMENT_KEY_LENGTH) {
                return Result.failed(documentId, -1, "SD-WRAPPED-KEY-MISSING");
            }
            int version = KeyWrapping.vaultKeyVersionOf(wrapped.get());
            if (!keys.hasVersion(version)) {
                return Result.failed(documentId, version, "SD-KEY-VERSION");
            }
            if (version == target || !rewrite) {
                boolean rowUpdated = syncRow(documentId, version, wrapped.get(), keys);
                return new Result(documentId, Kind.UNCHANGED, version, rowUpdated, null);
            }

            byte[] rewrapped;
            try (SecretKeyBytes documentKey = KeyWrapping.unwrapDocumentKey(keys.version(version), documentId, wrapped.get())) {
                rewrapped = KeyWrapping.wrapDocumentKey(keys.current(), target, documentId, documentKey, random);
            }
            Map<String, String> metadata = new HashMap<>(head.get().metadata());
            metadata.put(WrappedKeyMetadata.NAME, WrappedKeyMetadata.encode(rewrapped));
            try {
                store.replaceMetadata(objectKey, head.get().eTag(), metadata);
            } catch (StorageException e) {
                if ("SD-S3-CHANGED".equals(e.errorCode()) && attempt < ATTEMPTS) {
                    continue;
                }
                throw e;
            }
            boolean rowUpdated = updateRow(documentId, target, rewrapped);
            return new Result(documentId, Kind.REWRAPPED, version, rowUpdated, null);
        }
        return Result.failed(documentId, -1, "SD-S3-CHANGED");
    }

    /** Copies the object's wrapped key into the row when they differ and the object's key unwraps. */
    private boolean syncRow(UUID documentId, int version, byte[] wrapped, VaultKeys keys) {
        Optional<DocumentRecord> row = index.find(documentId);
        if (row.isEmpty() || Arrays.equals(row.get().wrappedKey(), wrapped)) {
            return false;
        }
        // Unwrapping first keeps a forged metadata value out of the index: it must verify under the vault key.
        KeyWrapping.unwrapDocumentKey(keys.version(version), documentId, wrapped).close();
        return updateRow(documentId, version, wrapped);
    }

    private boolean updateRow(UUID documentId, int version, byte[] wrapped) {
        return database.inTransaction(transaction ->
                index.updateWrappedKey(transaction, documentId, version, wrapped, clock.instant()));
    }

    enum Kind { REWRAPPED, UNCHANGED, FAILED, GONE }

    /**
     * The outcome for one object.
     *
     * @param versionFound the vault key version the object used when it was read, or -1 when unknown
     * @param errorCode the failure's error code, or {@code null}
     */
    record Result(UUID documentId, Kind kind, int versionFound, boolean rowUpdated, String errorCode) {

        static Result failed(UUID documentId, int versionFound, String errorCode) {
            return new Result(documentId, Kind.FAILED, versionFound, false, errorCode);
        }

        static Result gone(UUID documentId) {
            return new Result(documentId, Kind.GONE, -1, false, null);
        }

        static Result failed(UUID documentId, SealDropException e) {
            return failed(documentId, -1, e.errorCode());
        }
    }
}
