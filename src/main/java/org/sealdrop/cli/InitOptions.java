package org.sealdrop.cli;

import java.net.URI;
import java.nio.file.Path;
import org.sealdrop.app.VaultSetup;
import org.sealdrop.config.ManagedSettings;
import org.sealdrop.config.Settings;

/**
 * The vault set-up of {@code sealdrop init}: each option as given, or else the value that IT sets in
 * the managed settings file, or else the default. An option that gives a managed setting another
 * value is rejected, because IT fixed it for every user of the computer.
 */
final class InitOptions {

    private static final String DEFAULT_REGION = "us-east-1";

    private final ManagedSettings managed;

    InitOptions(ManagedSettings managed) {
        this.managed = managed;
    }

    /**
     * Returns the set-up from the options, where {@code null} means "not given".
     *
     * @throws org.sealdrop.SealDropException with code {@code SD-SETTING-MANAGED} when an option
     *     changes a managed setting
     * @throws UsageException when a required option is missing and not managed either
     */
    VaultSetup resolve(URI endpoint, String region, String bucket, String prefix, URI auditUrl, Path auditTokenFile) {
        return new VaultSetup(
                URI.create(value("endpoint", "--endpoint", endpoint == null ? null : endpoint.toString(), null)),
                value("region", "--region", region, DEFAULT_REGION),
                value("bucket", "--bucket", bucket, null),
                value("prefix", "--prefix", prefix == null ? null : normalizedPrefix(prefix), ""),
                URI.create(value("auditUrl", "--audit-url", auditUrl == null ? null : auditUrl.toString(), null)),
                auditTokenFile);
    }

    /**
     * Rejects {@code --audit-trust-store} when IT manages the trust store with another file.
     *
     * @throws org.sealdrop.SealDropException with code {@code SD-SETTING-MANAGED}
     */
    void checkTrustStore(Path auditTrustStore) {
        if (auditTrustStore != null) {
            managed.requireUnchanged("auditTrustStore", auditTrustStore.toAbsolutePath().toUri().toString());
        }
    }

    /** Returns the given value, the managed one or {@code fallback}; {@code null} fallback makes the option required. */
    private String value(String key, String option, String given, String fallback) {
        if (given != null) {
            managed.requireUnchanged(key, given);
            return given;
        }
        if (managed.text(key).isPresent()) {
            return managed.text(key).get();
        }
        if (fallback == null) {
            throw new UsageException("Missing required option " + option + "; give it, or ask IT to set " + key
                    + " in the managed settings file " + managed.file() + ".");
        }
        return fallback;
    }

    /** Returns {@code prefix} as settings store it ("" or ending in "/"), so it compares with the managed one. */
    private static String normalizedPrefix(String prefix) {
        return Settings.of(null, null, null, prefix, null, null).prefix();
    }
}
