package org.sealdrop.app;

import java.nio.file.Path;
import java.util.UUID;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.testsupport.TestEnvironment;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Run by {@link AuditOutboxKillTest} in its own JVM: unlocks the vault of a home folder, opens each
 * given document twice, prints {@code recorded N} with the number of pending audit events, and then
 * waits to be killed.
 *
 * <p>Arguments: home folder, then document ids. The S3 credentials of the test's S3Proxy come in
 * the environment variables {@code TEST_S3_ACCESS_KEY} and {@code TEST_S3_SECRET_KEY}.
 */
public final class OpenThenWait {

    private OpenThenWait() {
    }

    public static void main(String[] args) throws Exception {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                System.getenv("TEST_S3_ACCESS_KEY"), System.getenv("TEST_S3_SECRET_KEY")));
        ServiceOptions options = ServiceOptions.defaults().withCredentials(credentials, null)
                .withArgon2(TestEnvironment.TEST_ARGON2);
        LocalServices services = LocalServices.open(new HomeFolder(Path.of(args[0])), options);
        services.vault().unlock(TestEnvironment.PASSPHRASE.toCharArray());
        for (int i = 1; i < args.length; i++) {
            for (int time = 0; time < 2; time++) {
                services.documents().open(UUID.fromString(args[i]), TransferListener.NONE).close();
            }
        }
        System.out.println("recorded " + services.auditTrail().pendingCount());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
