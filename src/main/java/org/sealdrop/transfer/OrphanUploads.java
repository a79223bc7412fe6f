package org.sealdrop.transfer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.sealdrop.SealDropException;
import org.sealdrop.index.UploadSession;
import org.sealdrop.index.UploadSessions;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.storage.PendingMultipartUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds multipart uploads under the vault prefix that nothing will complete and aborts them, so their
 * parts stop taking space. An upload is kept when a session of this computer can resume it, or when it
 * is younger than the given age, because another computer may be sending it right now.
 */
public final class OrphanUploads {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanUploads.class);

    private final ObjectStore store;
    private final UploadSessions sessions;
    private final Clock clock;

    public OrphanUploads(TransferContext context) {
        this.store = context.store();
        this.sessions = new UploadSessions(context.database());
        this.clock = context.clock();
    }

    /** Outcome for one multipart upload. */
    public enum Action {
        /** A session on this computer resumes it. */
        KEPT_RESUMABLE,
        /** Younger than the age limit. */
        KEPT_RECENT,
        ABORTED,
        /** The abort failed; {@link Finding#errorCode()} names why. */
        ABORT_FAILED
    }

    /**
     * One multipart upload and what happened to it.
     *
     * @param errorCode the code of a failed abort, otherwise null
     */
    public record Finding(PendingMultipartUpload upload, Action action, String errorCode) {
    }

    /**
     * Lists the vault's unfinished multipart uploads and aborts those that no session of this computer
     * resumes and that were initiated at least {@code olderThan} ago.
     *
     * @throws SealDropException with the code of a failed listing
     */
    public List<Finding> clean(Duration olderThan) {
        Objects.requireNonNull(olderThan, "olderThan");
        Set<String> resumable = sessions.list().stream()
                .map(UploadSession::uploadId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Instant cutoff = clock.instant().minus(olderThan);

        List<Finding> findings = new ArrayList<>();
        for (PendingMultipartUpload upload : store.pendingMultipartUploads("")) {
            findings.add(handle(upload, resumable, cutoff));
        }
        return findings;
    }

    private Finding handle(PendingMultipartUpload upload, Set<String> resumable, Instant cutoff) {
        if (resumable.contains(upload.uploadId())) {
            return new Finding(upload, Action.KEPT_RESUMABLE, null);
        }
        if (upload.initiated() != null && upload.initiated().isAfter(cutoff)) {
            return new Finding(upload, Action.KEPT_RECENT, null);
        }
        try {
            store.abortMultipartUpload(upload.key(), upload.uploadId());
            LOG.info("Aborted orphan multipart upload {} of key {} ({} parts)", upload.uploadId(), upload.key(),
                    upload.parts());
            return new Finding(upload, Action.ABORTED, null);
        } catch (SealDropException e) {
            LOG.warn("Orphan multipart upload {} of key {} could not be aborted: {}", upload.uploadId(), upload.key(),
                    e.errorCode());
            return new Finding(upload, Action.ABORT_FAILED, e.errorCode());
        }
    }
}
