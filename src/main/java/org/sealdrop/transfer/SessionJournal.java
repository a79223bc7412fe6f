package org.sealdrop.transfer;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sealdrop.index.UploadPartRecord;
import org.sealdrop.index.UploadSession;
import org.sealdrop.index.UploadSessions;
import org.sealdrop.storage.MultipartJournal;
import org.sealdrop.storage.SentPart;

/** Keeps a multipart upload's id and accepted parts in the index rows of its upload session. */
final class SessionJournal implements MultipartJournal {

    private final UploadSessions sessions;
    private final UUID documentId;
    private final Optional<EarlierUpload> earlier;

    private SessionJournal(UploadSessions sessions, UUID documentId, Optional<EarlierUpload> earlier) {
        this.sessions = sessions;
        this.documentId = documentId;
        this.earlier = earlier;
    }

    /** Returns the journal of a session that has not sent anything yet. */
    static SessionJournal fresh(UploadSessions sessions, UUID documentId) {
        return new SessionJournal(sessions, documentId, Optional.empty());
    }

    /** Returns the journal of an interrupted session, which continues its multipart upload if it has one. */
    static SessionJournal resumed(UploadSessions sessions, UploadSession session) {
        if (session.uploadId() == null) {
            return fresh(sessions, session.documentId());
        }
        List<SentPart> parts = sessions.parts(session.documentId()).stream()
                .map(part -> new SentPart(part.partNumber(), part.size(), part.eTag(), part.checksumCrc32(), part.sha256()))
                .toList();
        return new SessionJournal(sessions, session.documentId(),
                Optional.of(new EarlierUpload(session.uploadId(), session.partSize(), parts)));
    }

    @Override
    public Optional<EarlierUpload> earlierUpload() {
        return earlier;
    }

    @Override
    public void started(String uploadId, long partSize) {
        sessions.startMultipart(documentId, uploadId, partSize);
    }

    @Override
    public void partSent(SentPart part) {
        sessions.recordPart(documentId, new UploadPartRecord(part.partNumber(), part.size(), part.eTag(),
                part.checksumCrc32(), part.sha256()));
    }
}
