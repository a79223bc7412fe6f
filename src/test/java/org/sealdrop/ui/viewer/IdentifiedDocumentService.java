package org.sealdrop.ui.viewer;

import java.util.Optional;
import org.sealdrop.audit.AuditIdentity;

/** A service that rejects every call, like its parent, but names an audit identity for the watermark. */
final class IdentifiedDocumentService extends RejectingDocumentService {

    static final String USER = "dr.alice";
    static final String DEVICE = "0193e0c4-7b7a-7cc2-9a51-3f1f0f6a2b11";

    @Override
    public Optional<AuditIdentity> auditIdentity() {
        return Optional.of(new AuditIdentity(USER, DEVICE, "test"));
    }
}
