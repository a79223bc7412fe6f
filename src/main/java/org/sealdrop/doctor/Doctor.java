package org.sealdrop.doctor;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sealdrop.SealDropException;
import org.sealdrop.app.DesktopCredentials;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.config.Settings;
import org.sealdrop.storage.ConnectionSettings;
import org.sealdrop.storage.S3ClientFactory;
import org.sealdrop.storage.StorageSettings;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs the set-up checks of one home folder in order and returns one result per check. It needs no
 * passphrase and sends only read requests: HEAD bucket, the bucket configuration reads and the audit
 * receiver's status request.
 */
public final class Doctor {

    /**
     * One attempt per request, so that a dead endpoint is reported quickly: 10 s to connect, and 15 s
     * of silence or per attempt.
     */
    private static final ConnectionSettings CONNECTION = new ConnectionSettings(Duration.ofSeconds(10),
            Duration.ofSeconds(15), 1, Duration.ofSeconds(15));

    private final HomeFolder home;
    private final Clock clock;

    public Doctor(HomeFolder home, Clock clock) {
        this.home = home;
        this.clock = clock;
    }

    /** Runs every check; the checks that need the settings are skipped when they do not load. */
    public List<CheckResult> run() {
        List<CheckResult> results = new ArrayList<>();
        SettingsCheck settingsCheck = new SettingsCheck(home);
        results.add(settingsCheck.run());
        Optional<Settings> settings = settingsCheck.effective();
        if (settings.isEmpty()) {
            for (String name : List.of(EndpointCheck.NAME, CredentialsCheck.NAME, ClockSkewCheck.NAME, "bucket",
                    AuditCheck.NAME)) {
                results.add(CheckResult.skip(name, "the settings did not load"));
            }
        } else {
            results.addAll(storeChecks(settings.get()));
            results.add(new AuditCheck(settings.get()).run());
        }
        results.add(new OutboxCheck(home.indexFile()).run());
        return results;
    }

    private List<CheckResult> storeChecks(Settings settings) {
        List<CheckResult> results = new ArrayList<>();

        // The transport rule is checked before the probe, so that a plain-HTTP endpoint of another
        // computer is never contacted, not even by a name lookup.
        Optional<CheckResult> insecure = EndpointCheck.rejectInsecure(settings.endpoint());
        if (insecure.isPresent()) {
            results.add(insecure.get());
            return skipStoreChecks(results, "the S3 endpoint breaks the transport rule");
        }

        StorageSettings storage;
        try {
            storage = StorageSettings.from(settings);
        } catch (SealDropException e) {
            // StorageSettings checks its values before any connection, so nothing was sent.
            results.add(CheckResult.fail(EndpointCheck.NAME, e.errorCode() + ": " + e.getMessage(),
                    "Correct the S3 setting in the settings; the endpoint must be https:// (plain http only for this computer: localhost, 127.0.0.0/8 or ::1)."));
            return skipStoreChecks(results, "the S3 settings are invalid");
        }
        try (var credentials = DesktopCredentials.chain();
                S3Client client = S3ClientFactory.create(storage, CONNECTION, probeCredentials(credentials))) {
            BucketProbe probe = BucketProbe.send(client, settings.endpoint(), settings.bucket());
            List<DoctorCheck> checks = new ArrayList<>(List.of(new EndpointCheck(probe),
                    new CredentialsCheck(credentials, probe), new ClockSkewCheck(probe, clock)));
            if (probe.status() == 200) {
                checks.addAll(List.of(new PublicAccessBlockCheck(client, settings.bucket()),
                        new VersioningCheck(client, settings.bucket()), new EncryptionCheck(client, settings.bucket()),
                        new TlsPolicyCheck(client, settings.bucket())));
            }
            for (DoctorCheck check : checks) {
                results.add(check.run());
            }
            if (probe.status() != 200) {
                results.add(CheckResult.skip("bucket", "the bucket could not be reached with these credentials"));
            }
        }
        return results;
    }

    /** Adds a skip line with {@code reason} for each check that needs the store, and returns {@code results}. */
    private static List<CheckResult> skipStoreChecks(List<CheckResult> results, String reason) {
        for (String name : List.of(CredentialsCheck.NAME, ClockSkewCheck.NAME, "bucket")) {
            results.add(CheckResult.skip(name, reason));
        }
        return results;
    }

    /** Returns whether any result is a FAIL, which makes {@code sealdrop doctor} exit with 1. */
    public static boolean anyFailed(List<CheckResult> results) {
        return results.stream().anyMatch(result -> result.status() == CheckStatus.FAIL);
    }

    /**
     * Returns the chain when it finds keys, and otherwise anonymous requests, so that a computer
     * without keys still learns whether the endpoint responds: the credentials line then names the
     * missing keys instead of the endpoint line blaming the network.
     */
    private static AwsCredentialsProvider probeCredentials(AwsCredentialsProvider chain) {
        try {
            chain.resolveCredentials();
            return chain;
        } catch (SdkClientException e) {
            return AnonymousCredentialsProvider.create();
        }
    }
}
