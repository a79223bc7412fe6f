package org.sealdrop.doctor;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sealdrop.app.DesktopCredentials;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.config.Settings;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs the set-up checks of one home folder in order and returns one result per check. It needs no
 * passphrase and sends only read requests: HEAD bucket, the bucket configuration reads and the audit
 * receiver's status request.
 */
public final class Doctor {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

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
            for (String name : List.of(CredentialsCheck.NAME, ClockSkewCheck.NAME, "bucket")) {
                results.add(CheckResult.skip(name, "the S3 endpoint breaks the transport rule"));
            }
            return results;
        }

        try (var credentials = DesktopCredentials.chain(); S3Client client = client(settings, credentials)) {
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

    /** A client that tries each request once, so that a dead endpoint is reported quickly, and ignores ~/.aws/config. */
    @SuppressWarnings("deprecation") // ApacheHttpClient, as in the storage package's client factory
    private static S3Client client(Settings settings, AwsCredentialsProvider credentials) {
        ProfileFile noProfile = ProfileFile.builder().content("").type(ProfileFile.Type.CONFIGURATION).build();
        return S3Client.builder()
                .endpointOverride(settings.endpoint())
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(override -> override
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(CALL_TIMEOUT)
                        .defaultProfileFileSupplier(() -> noProfile))
                .build();
    }

    /** Returns whether any result is a FAIL, which makes {@code sealdrop doctor} exit with 1. */
    public static boolean anyFailed(List<CheckResult> results) {
        return results.stream().anyMatch(result -> result.status() == CheckStatus.FAIL);
    }
}
