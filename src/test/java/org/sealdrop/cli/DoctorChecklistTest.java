package org.sealdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.config.Settings;
import org.sealdrop.config.SettingsFile;
import org.sealdrop.testsupport.CliRun;
import org.sealdrop.testsupport.TestEnvironment;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * {@code sealdrop doctor} without options against S3Proxy and the reference audit receiver on
 * 127.0.0.1: a working set-up passes, and each broken part gives a FAIL line with its fix and exit 1.
 */
class DoctorChecklistTest {

    @TempDir
    Path temp;

    private TestEnvironment environment;

    @BeforeEach
    void start() throws Exception {
        environment = TestEnvironment.start(temp);
        environment.services();
        environment.shareCredentialsWithCommandLine();
    }

    @AfterEach
    void stop() {
        environment.close();
    }

    @Test
    void workingSetUpPasses() {
        configureBucketAsItWould();

        CliRun run = doctor();

        assertEquals(0, run.exitCode(), run.toString());
        assertFalse(run.out().contains("FAIL"), run.toString());
        assertTrue(line(run, "endpoint").startsWith("ok"), run.toString());
        assertTrue(line(run, "credentials").startsWith("ok"), run.toString());
        assertTrue(line(run, "audit receiver").startsWith("ok"), run.toString());
        assertTrue(line(run, "versioning").startsWith("ok"), run.toString());
        assertFalse(run.out().contains(System.getProperty("aws.secretAccessKey")), run.toString());
    }

    @Test
    void unconfiguredBucketFailsAndUnsupportedRequestSkips() {
        CliRun run = doctor();

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(line(run, "versioning").startsWith("FAIL"), run.toString());
        assertTrue(run.out().contains("fix: Enable versioning"), run.toString());
        // S3Proxy returns NotImplemented to GetPublicAccessBlock.
        assertTrue(line(run, "public access block").startsWith("skip"), run.toString());
        assertTrue(line(run, "public access block").contains("does not support this request"), run.toString());
    }

    @Test
    void wrongSecretFailsCredentials() {
        System.setProperty("aws.secretAccessKey", "wrong-secret-wrong-secret");

        CliRun run = doctor();

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(line(run, "credentials").startsWith("FAIL"), run.toString());
        assertTrue(run.out().contains("fix: Check the secret key"), run.toString());
        assertFalse(run.out().contains("wrong-secret"), run.toString());
    }

    @Test
    void missingKeysFailCredentialsNotEndpoint() throws IOException {
        assumeTrue(System.getenv("AWS_ACCESS_KEY_ID") == null, "the environment names an access key");
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        // An empty profile file, so that no profile of this computer is read.
        Path noProfiles = Files.writeString(temp.resolve("no-credentials"), "");
        System.setProperty("aws.sharedCredentialsFile", noProfiles.toString());
        System.setProperty("aws.configFile", noProfiles.toString());
        try {
            CliRun run = doctor();

            assertEquals(1, run.exitCode(), run.toString());
            assertTrue(line(run, "endpoint").startsWith("ok"), run.toString());
            assertTrue(line(run, "credentials").startsWith("FAIL"), run.toString());
            assertTrue(run.out().contains("No S3 credentials were found"), run.toString());
        } finally {
            System.clearProperty("aws.sharedCredentialsFile");
            System.clearProperty("aws.configFile");
        }
    }

    @Test
    void closedPortFailsEndpoint() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        rewriteSettings(current().withEndpoints(java.net.URI.create("http://127.0.0.1:" + closedPort), current().auditUrl()));

        CliRun run = doctor();

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(line(run, "endpoint").startsWith("FAIL"), run.toString());
    }

    @Test
    void missingBucketFailsEndpoint() throws IOException {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(environment.home().settingsFile().toFile());
        json.put("bucket", "no-such-bucket");
        mapper.writeValue(environment.home().settingsFile().toFile(), json);

        CliRun run = doctor();

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(line(run, "endpoint").contains("does not exist"), run.toString());
    }

    @Test
    void receiverDownFailsAudit() {
        environment.receiver().close();

        CliRun run = doctor();

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(line(run, "audit receiver").startsWith("FAIL"), run.toString());
        assertTrue(line(run, "audit receiver").contains("SD-AUDIT-UNREACHABLE"), run.toString());
    }

    @Test
    void wrongTokenFailsAudit() throws IOException {
        Files.writeString(current().auditTokenFile(), "not-the-token\n");

        CliRun run = doctor();

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(line(run, "audit receiver").contains("SD-AUDIT-TOKEN"), run.toString());
        assertFalse(run.out().contains("not-the-token"), run.toString());
    }

    @Test
    void missingSettingsFailsAndSkipsTheRest() throws IOException {
        Files.delete(environment.home().settingsFile());

        CliRun run = doctor();

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(line(run, "settings").startsWith("FAIL"), run.toString());
        assertTrue(line(run, "endpoint").startsWith("skip"), run.toString());
    }

    /** Turns on versioning and default encryption, as IT would on a new bucket; S3Proxy accepts both. */
    private void configureBucketAsItWould() {
        try (S3Client client = S3Client.builder().endpointOverride(environment.s3().endpoint()).region(Region.US_EAST_1)
                .forcePathStyle(true).credentialsProvider(environment.s3().credentials()).build()) {
            client.putBucketVersioning(request -> request.bucket(TestEnvironment.BUCKET)
                    .versioningConfiguration(versioning -> versioning.status(BucketVersioningStatus.ENABLED)));
            client.putBucketEncryption(request -> request.bucket(TestEnvironment.BUCKET)
                    .serverSideEncryptionConfiguration(encryption -> encryption.rules(rule -> rule
                            .applyServerSideEncryptionByDefault(sse -> sse.sseAlgorithm(ServerSideEncryption.AES256)))));
        }
    }

    @Test
    void unsetHomeStaysUntouched() {
        Path unset = temp.resolve("never-set-up");

        CliRun run = CliRun.inHome(new org.sealdrop.config.HomeFolder(unset), "doctor");

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(line(run, "settings").startsWith("FAIL"), run.toString());
        assertTrue(line(run, "audit outbox").startsWith("skip"), run.toString());
        assertFalse(Files.exists(unset), "doctor created the home folder");
    }

    private CliRun doctor() {
        return CliRun.inHome(environment.home(), "doctor");
    }

    private Settings current() {
        return SettingsFile.read(environment.home().settingsFile()).orElseThrow();
    }

    private void rewriteSettings(Settings settings) {
        SettingsFile.write(environment.home().settingsFile(), settings);
    }

    /** Returns the checklist line of the check {@code name}, with the status first. */
    private static String line(CliRun run, String name) {
        return run.out().lines().filter(text -> text.substring(6).startsWith(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + name + " in " + run));
    }
}
