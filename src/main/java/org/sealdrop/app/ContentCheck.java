package org.sealdrop.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.sealdrop.SealDropException;
import org.sealdrop.transfer.ContentTags;
import org.sealdrop.transfer.SourceSnapshot;
import org.sealdrop.transfer.TransferContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The duplicate check behind {@link DocumentService#checkContent}: one first pass per file for its
 * SHA-256, then one lookup of all hashes in the index's content tags.
 */
final class ContentCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ContentCheck.class);

    private final TransferContext context;

    ContentCheck(TransferContext context) {
        this.context = context;
    }

    /**
     * Checks {@code files}, each with its listener from {@code listeners} (same order). A file whose
     * listener reports a cancel, before or while it is read, or before the lookup, comes back unchecked
     * and does not count as an earlier file of the list.
     */
    List<CheckedFile> check(List<Path> files, List<TransferListener> listeners) {
        if (listeners.size() != files.size()) {
            throw new IllegalArgumentException("The check got " + listeners.size() + " listeners for "
                    + files.size() + " files; pass one listener per file.");
        }
        List<SourceSnapshot> snapshots = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            TransferListener listener = listeners.get(i);
            snapshots.add(listener.cancelRequested() ? null : read(files.get(i), listener));
        }
        Set<String> hashes = new LinkedHashSet<>();
        for (int i = 0; i < files.size(); i++) {
            // A file cancelled after its read must not make a later file with the same content a duplicate.
            if (listeners.get(i).cancelRequested()) {
                snapshots.set(i, null);
            } else if (snapshots.get(i) != null) {
                hashes.add(snapshots.get(i).sha256Hex());
            }
        }
        Map<String, List<UUID>> existing = new ContentTags(context).find(hashes);

        List<CheckedFile> checked = new ArrayList<>();
        Map<String, Path> firstFileByHash = new HashMap<>();
        int duplicates = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            SourceSnapshot snapshot = snapshots.get(i);
            if (snapshot == null) {
                checked.add(CheckedFile.unchecked(file));
                continue;
            }
            Path earlier = firstFileByHash.putIfAbsent(snapshot.sha256Hex(), file);
            CheckedFile entry = new CheckedFile(file, snapshot, existing.get(snapshot.sha256Hex()), earlier);
            if (entry.isDuplicate()) {
                duplicates++;
            }
            checked.add(entry);
        }
        LOG.info("Duplicate check of {} files found {} duplicates", files.size(), duplicates);
        return checked;
    }

    /**
     * Returns the first pass over {@code file}, or {@code null} when it cannot be read now (its upload then
     * reports why) or the listener reported a cancel.
     */
    private static SourceSnapshot read(Path file, TransferListener listener) {
        try {
            return SourceSnapshot.read(file, "a dropped file", LocalDocuments.progress(listener));
        } catch (SealDropException e) {
            LOG.debug("Duplicate check could not read a file: {}", e.errorCode());
            return null;
        }
    }
}
