package org.sealdrop.vault;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.sealdrop.SealDropException;
import org.sealdrop.index.Database;
import org.sealdrop.index.DocumentIndex;
import org.sealdrop.index.DocumentRecord;
import org.sealdrop.storage.ObjectInfo;
import org.sealdrop.storage.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks every object under {@code {prefix}objects/} in the bucket, not only the documents of this
 * computer's index, and re-wraps each document key under the newest vault key version
 * ({@link #rewrapAll}) or only counts the versions in use ({@link #scan}). Objects are handled on a
 * few threads at once; a failed object is reported and skipped, and a rerun picks it up again.
 */
public final class KeyRotation {

    /** Objects handled at once: S3 calls are short, so a few in flight hide the round-trip time. */
    static final int PARALLELISM = 4;

    static final String OBJECTS_FOLDER = "objects/";

    private static final Logger LOG = LoggerFactory.getLogger(KeyRotation.class);

    private final ObjectStore store;
    private final ObjectRewrap rewrap;

    public KeyRotation(ObjectStore store, Database database, DocumentIndex index, SecureRandom random, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.rewrap = new ObjectRewrap(store, database, index, random, clock);
    }

    /**
     * Re-wraps every object's document key under {@code keys.current()}, skipping objects already at
     * that version, and updates the index rows this computer has.
     *
     * @param keys every vault key version still used in the bucket, plus the newest
     * @throws org.sealdrop.storage.StorageException when the bucket cannot be listed
     */
    public RotationReport rewrapAll(VaultKeys keys, Progress progress) {
        return run(keys, true, progress);
    }

    /**
     * Reads the version of every object's wrapped key with HEAD requests only, and updates index rows
     * that lag behind their object.
     *
     * @throws org.sealdrop.storage.StorageException when the bucket cannot be listed
     */
    public RotationReport scan(VaultKeys keys, Progress progress) {
        return run(keys, false, progress);
    }

    /**
     * Brings {@code rows} up to date with the wrapped keys of their objects, for example after another
     * computer's rotation and a retired version that the rows still name.
     *
     * @return how many rows changed; rows whose object cannot be read are logged and left alone
     */
    public int syncRows(List<DocumentRecord> rows, VaultKeys keys) {
        int updated = 0;
        for (DocumentRecord row : rows) {
            try {
                if (rewrap.process(row.objectKey(), row.id(), keys, false).rowUpdated()) {
                    updated++;
                }
            } catch (SealDropException e) {
                LOG.warn("Index row of document {} could not be brought up to date: {}", row.id(), e.errorCode());
            }
        }
        return updated;
    }

    private RotationReport run(VaultKeys keys, boolean rewrite, Progress progress) {
        String folder = store.key(OBJECTS_FOLDER);
        List<ObjectInfo> objects = store.list(OBJECTS_FOLDER);
        LOG.info("Vault key {} of {} objects under version {} started", rewrite ? "re-wrap" : "scan", objects.size(),
                keys.currentVersion());

        RotationReport.Builder report = new RotationReport.Builder(keys.currentVersion());
        AtomicInteger done = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(PARALLELISM, task -> {
            Thread thread = new Thread(task, "key-rotation");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<ObjectRewrap.Result>> results = new ArrayList<>();
            for (ObjectInfo object : objects) {
                results.add(workers.submit(() -> {
                    ObjectRewrap.Result result = processOne(folder, object.key(), keys, rewrite);
                    progress.objectsDone(done.incrementAndGet(), objects.size());
                    return result;
                }));
            }
            for (Future<ObjectRewrap.Result> result : results) {
                report.add(await(result));
            }
        } finally {
            workers.shutdownNow();
        }

        RotationReport finished = report.build();
        LOG.info("Vault key {} finished: {}", rewrite ? "re-wrap" : "scan", finished.summary());
        return finished;
    }

    private ObjectRewrap.Result processOne(String folder, String objectKey, VaultKeys keys, boolean rewrite) {
        UUID documentId = documentIdOf(folder, objectKey);
        if (documentId == null) {
            // The key is not logged: a key that SealDrop did not write may contain anything, even a name.
            LOG.warn("An object under {} is not named by a document id; left as it is", OBJECTS_FOLDER);
            return ObjectRewrap.Result.failed(null, -1, "SD-NOT-A-DOCUMENT");
        }
        try {
            return rewrap.process(objectKey, documentId, keys, rewrite);
        } catch (SealDropException e) {
            LOG.warn("Vault key re-wrap of document {} failed: {}", documentId, e.errorCode());
            return ObjectRewrap.Result.failed(documentId, e);
        }
    }

    private static ObjectRewrap.Result await(Future<ObjectRewrap.Result> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SealDropException("SD-ROTATION-INTERRUPTED",
                    "The vault key rotation was interrupted; run `sealdrop vault rotate` again to finish it.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Returns the document id that names {@code objectKey}, or {@code null} for any other key. */
    static UUID documentIdOf(String folder, String objectKey) {
        if (!objectKey.startsWith(folder)) {
            return null;
        }
        String name = objectKey.substring(folder.length());
        try {
            UUID id = UUID.fromString(name);
            return id.toString().equals(name) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Receives the number of objects handled so far, from the worker threads. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void objectsDone(int done, int total);
    }
}
