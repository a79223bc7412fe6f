package org.sealdrop.app;

import java.net.URI;
import org.sealdrop.config.Settings;
import org.sealdrop.testsupport.SettingsCopies;

/** Copies of settings with another audit URL and audit policy, as IT would set them in settings.json. */
public final class AuditSettings {

    private AuditSettings() {
    }

    public static Settings with(Settings current, URI auditUrl, String policy, Integer maxPendingEvents,
            Integer maxPendingHours, Integer strictWaitSeconds) {
        return SettingsCopies.of(current).auditUrl(auditUrl)
                .auditPolicy(policy, maxPendingEvents, maxPendingHours, strictWaitSeconds).build();
    }
}
