package org.sealdrop.transfer;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The damaged objects that an index sync of this process has already logged and audited, by document
 * id and ETag. The window syncs every few minutes, and a damaged object has no row that would remember
 * it, so without this every sync would record the same failure again. A replaced object has a new ETag
 * and is reported again.
 */
public final class ReportedDamage {

    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /** Returns {@code true} on the first call for this version of the object, {@code false} on later calls. */
    boolean firstReport(UUID id, String eTag) {
        return reported.add(id + "/" + eTag);
    }
}
