package org.sealdrop.vault;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of a re-wrap or a scan of the bucket's objects.
 *
 * @param targetVersion the newest vault key version, which re-wrapped objects now use
 * @param objects objects found under {@code {prefix}objects/}
 * @param rewrapped objects whose document key this run re-wrapped
 * @param objectsByVersion for each vault key version, the objects that used it when read, before any
 *     re-wrap of this run
 * @param rowsUpdated rows of this computer's index whose wrapped key was replaced
 * @param failures one line per object that failed, {@code "<document id or object> <error code>"};
 *     these objects may still use an older version
 */
public record RotationReport(int targetVersion, int objects, int rewrapped, SortedMap<Integer, Integer> objectsByVersion,
        int rowsUpdated, List<String> failures) {

    public RotationReport {
        objectsByVersion = Collections.unmodifiableSortedMap(new TreeMap<>(objectsByVersion));
        failures = List.copyOf(failures);
    }

    /** Objects that used {@code version} when they were read (before this run's re-wraps). */
    public int objectsUsing(int version) {
        return objectsByVersion.getOrDefault(version, 0);
    }

    /** Returns one line for logs and the command line, without document ids. */
    public String summary() {
        return objects + " objects, " + rewrapped + " re-wrapped to version " + targetVersion + ", versions found "
                + objectsByVersion + ", " + rowsUpdated + " index rows updated, " + failures.size() + " failed";
    }

    static final class Builder {

        private final int targetVersion;
        private final SortedMap<Integer, Integer> byVersion = new TreeMap<>();
        private final List<String> failures = new ArrayList<>();
        private int objects;
        private int rewrapped;
        private int rowsUpdated;

        Builder(int targetVersion) {
            this.targetVersion = targetVersion;
        }

        void add(ObjectRewrap.Result result) {
            if (result.kind() == ObjectRewrap.Kind.GONE) {
                return;
            }
            objects++;
            if (result.versionFound() > 0) {
                byVersion.merge(result.versionFound(), 1, Integer::sum);
            }
            if (result.kind() == ObjectRewrap.Kind.REWRAPPED) {
                rewrapped++;
            }
            if (result.rowUpdated()) {
                rowsUpdated++;
            }
            if (result.kind() == ObjectRewrap.Kind.FAILED) {
                failures.add((result.documentId() == null ? "object" : result.documentId().toString()) + " "
                        + result.errorCode());
            }
        }

        RotationReport build() {
            return new RotationReport(targetVersion, objects, rewrapped, byVersion, rowsUpdated, failures);
        }
    }
}
