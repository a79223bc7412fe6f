package org.sealdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.index.Database;
import org.sealdrop.index.UploadSession;
import org.sealdrop.index.UploadSessions;
import org.sealdrop.testsupport.CliRun;
import org.sealdrop.testsupport.TestEnvironment;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * {@code sealdrop doctor --orphans} against S3Proxy: a multipart upload that no session resumes is
 * aborted, one that a session of this computer resumes is kept, and a young one is kept by default.
 * S3Proxy cannot backdate an upload, so the age rule is exercised with {@code --older-than 0}.
 */
class DoctorOrphansTest {

    @TempDir
    Path temp;

    private TestEnvironment environment;
    private S3Client client;

    @BeforeEach
    void start() throws Exception {
        environment = TestEnvironment.start(temp);
        environment.services();
        environment.shareCredentialsWithCommandLine();
        client = S3Client.builder()
                .endpointOverride(environment.s3().endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(environment.s3().credentials())
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        environment.close();
    }

    @Test
    void orphanAbortedAndResumableKept() {
        String orphanKey = TestEnvironment.PREFIX + "objects/" + UUID.randomUUID();
        String orphanId = createUpload(orphanKey);
        UUID resumableDocument = UUID.randomUUID();
        String resumableKey = TestEnvironment.PREFIX + "objects/" + resumableDocument;
        String resumableId = createUpload(resumableKey);
        recordSession(resumableDocument, resumableKey, resumableId);

        CliRun run = CliRun.inHome(environment.home(), "doctor", "--orphans", "--older-than", "0");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("aborted\t" + orphanKey + "\t" + orphanId), run.toString());
        assertTrue(run.out().contains("kept (resumable here)\t" + resumableKey + "\t" + resumableId), run.toString());
        assertEquals(List.of(resumableId), uploadIds());
    }

    @Test
    void youngOrphanKeptByDefault() {
        String key = TestEnvironment.PREFIX + "objects/" + UUID.randomUUID();
        String uploadId = createUpload(key);

        CliRun run = CliRun.inHome(environment.home(), "doctor", "--orphans");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("kept (younger than 24 h)\t" + key), run.toString());
        assertEquals(List.of(uploadId), uploadIds());
    }

    @Test
    void cleanBucketExitsZero() {
        CliRun run = CliRun.inHome(environment.home(), "doctor", "--orphans", "--older-than", "0");

        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("", run.out());
        assertTrue(run.err().contains("no unfinished multipart uploads"), run.toString());
    }

    private String createUpload(String key) {
        String uploadId = client.createMultipartUpload(request -> request.bucket(TestEnvironment.BUCKET).key(key))
                .uploadId();
        client.uploadPart(request -> request.bucket(TestEnvironment.BUCKET).key(key).uploadId(uploadId).partNumber(1),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(new byte[1024]));
        return uploadId;
    }

    private void recordSession(UUID documentId, String key, String uploadId) {
        UploadSessions sessions = new UploadSessions(Database.open(environment.home().indexFile()));
        sessions.insert(new UploadSession(documentId, key, uploadId, new byte[60], new byte[100], new byte[40], 1024,
                Instant.now(), 5L * 1024 * 1024, 2048, 1, UploadSession.SENDING, Instant.now()));
    }

    private List<String> uploadIds() {
        return client.listMultipartUploads(request -> request.bucket(TestEnvironment.BUCKET)
                .prefix(TestEnvironment.PREFIX)).uploads().stream().map(MultipartUpload::uploadId).toList();
    }
}
