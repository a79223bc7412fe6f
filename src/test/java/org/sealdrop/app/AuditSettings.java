package org.sealdrop.app;

import java.net.URI;
import org.sealdrop.config.Settings;

/** Copies of settings with another audit URL and audit policy, as IT would set them in settings.json. */
public final class AuditSettings {

    private AuditSettings() {
    }

    public static Settings with(Settings current, URI auditUrl, String policy, Integer maxPendingEvents,
            Integer maxPendingHours, Integer strictWaitSeconds) {
        return new Settings(current.endpoint(), current.region(), current.bucket(), current.prefix(),
                current.pathStyle(), current.checksumMode(), auditUrl, current.auditTokenFile(), current.partSizeMiB(),
                current.multipartThresholdMiB(), current.autoLockMinutes(), current.uploadParallelism(), policy,
                maxPendingEvents, maxPendingHours, strictWaitSeconds, current.auditTrustStore());
    }
}
