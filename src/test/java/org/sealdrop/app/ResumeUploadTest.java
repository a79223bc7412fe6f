package org.sealdrop.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;
import org.sealdrop.index.Database;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.testsupport.CliRun;
import org.sealdrop.testsupport.InterruptedUpload;
import org.sealdrop.testsupport.TestEnvironment;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * Uploads killed in a forked JVM after some parts reached S3, then resumed against the same S3Proxy.
 * Recorded parts are not sent again and a changed source leaves nothing behind. An upload whose
 * multipart upload was aborted meanwhile starts again from part 1.
 */
class ResumeUploadTest {

    private static final int MIB = InterruptedUpload.MIB;
    /** 4 MiB/s: a 5 MiB part takes more than a second, so the kill lands while later parts are pending. */
    private static final long UPLINK = 4L * MIB;

    @TempDir
    Path temp;

    private TestEnvironment environment;
    private InterruptedUpload interrupted;

    @BeforeEach
    void start() throws IOException {
        environment = TestEnvironment.start(temp.resolve("env"));
        interrupted = new InterruptedUpload(environment, UPLINK);
    }

    @AfterEach
    void stop() throws IOException {
        interrupted.proxy().close();
        environment.close();
    }

    @Test
    void killedUploadResumesWithoutResendingParts() throws Exception {
        Path source = InterruptedUpload.writeRandomFile(temp.resolve("Jane Doe referral.bin"), 64L * MIB, 1);
        InterruptedUpload.Result killed = interrupted.uploadAndKill(source, 2);
        assertTrue(killed.recordedParts().size() >= 2, "recorded " + killed.recordedParts());
        assertFalse(indexFilesContain("Jane Doe"), "the source path is stored in clear");
        interrupted.proxy().limit(0);
        interrupted.proxy().reset();
        CliRun list = CliRun.inHome(environment.home(), "list", "--passphrase-file",
                environment.passphraseFile().toString());
        assertTrue(list.err().contains("1 upload was interrupted on this computer"), list.toString());

        CliRun run = CliRun.inHome(environment.home(), "upload", "--resume", "--passphrase-file",
                environment.passphraseFile().toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith(killed.id() + "\t" + 64L * MIB + "\tresumed"), run.toString());
        List<Integer> resent = interrupted.proxy().uploadedPartNumbers();
        for (int part : killed.recordedParts()) {
            assertFalse(resent.contains(part), "part " + part + " was sent again: " + resent);
        }
        Set<Integer> all = new TreeSet<>(resent);
        all.addAll(killed.recordedParts());
        int partCount = (int) ((killed.session().ciphertextSize() + 5L * MIB - 1) / (5L * MIB));
        assertEquals(IntStream.rangeClosed(1, partCount).boxed().toList(), new ArrayList<>(all));

        LocalServices services = environment.services();
        Path exported = temp.resolve("exported.bin");
        services.documents().export(killed.id(), exported, TransferListener.NONE);
        assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(exported));
        assertEquals(1, services.documents().list().size());
        assertEquals(1, uploadSuccessEvents(killed.id()));
        assertEquals(List.of(), services.documents().pendingUploads());
        assertEquals(List.of(), multipartUploads());
    }

    /**
     * Part records commit without a sync, so a power loss may undo the last of them. Such a part must
     * simply be sent again by the resume, and the object must still be whole.
     */
    @Test
    void lostPartRecordIsSentAgain() throws Exception {
        Path source = InterruptedUpload.writeRandomFile(temp.resolve("scan.bin"), 20L * MIB, 3);
        InterruptedUpload.Result killed = interrupted.uploadAndKill(source, 2);
        int lost = killed.recordedParts().stream().max(Integer::compare).orElseThrow();
        Database.open(environment.home().indexFile()).inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM upload_parts WHERE document_id = ? AND part_number = ?")) {
                delete.setString(1, killed.id().toString());
                delete.setInt(2, lost);
                assertEquals(1, delete.executeUpdate());
            }
            return null;
        });
        interrupted.proxy().limit(0);
        interrupted.proxy().reset();

        environment.services().documents().resume(killed.id(), TransferListener.NONE);

        List<Integer> resent = interrupted.proxy().uploadedPartNumbers();
        assertTrue(resent.contains(lost), "part " + lost + " was not sent again: " + resent);
        for (int part : killed.recordedParts()) {
            assertTrue(part == lost || !resent.contains(part), "part " + part + " was sent again: " + resent);
        }
        Path exported = temp.resolve("exported.bin");
        environment.services().documents().export(killed.id(), exported, TransferListener.NONE);
        assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(exported));
        assertEquals(List.of(), multipartUploads());
    }

    @Test
    void sentPartChangedInPlaceFailsResume() throws Exception {
        Path source = InterruptedUpload.writeRandomFile(temp.resolve("scan.bin"), 20L * MIB, 2);
        InterruptedUpload.Result killed = interrupted.uploadAndKill(source, 2);
        FileTime modified = Files.getLastModifiedTime(source);
        flipByte(source, 1000);
        Files.setLastModifiedTime(source, modified);
        interrupted.proxy().limit(0);

        SealDropException failure = assertThrows(SealDropException.class,
                () -> environment.services().documents().resume(killed.id(), TransferListener.NONE));

        assertEquals("SD-SOURCE-CHANGED", failure.errorCode());
        assertTrue(failure.getMessage().contains("add the file again"), failure.getMessage());
        assertNothingLeft();
    }

    @Test
    void sourceOfOtherSizeFailsResume() throws Exception {
        Path source = InterruptedUpload.writeRandomFile(temp.resolve("scan.bin"), 20L * MIB, 3);
        InterruptedUpload.Result killed = interrupted.uploadAndKill(source, 2);
        Files.write(source, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
        interrupted.proxy().limit(0);

        CliRun run = CliRun.inHome(environment.home(), "upload", "--resume", "--passphrase-file",
                environment.passphraseFile().toString());

        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("document " + killed.id()), run.toString());
        assertTrue(run.err().contains("[SD-SOURCE-CHANGED]"), run.toString());
        assertFalse(run.err().contains(source.toString()), "the path is PHI: " + run);
        assertNothingLeft();
    }

    @Test
    void abortedMultipartUploadStartsAgain() throws Exception {
        Path source = InterruptedUpload.writeRandomFile(temp.resolve("scan.bin"), 20L * MIB, 4);
        InterruptedUpload.Result killed = interrupted.uploadAndKill(source, 2);
        try (ObjectStore bucket = environment.bucket()) {
            bucket.abortMultipartUpload(killed.session().objectKey(), killed.session().uploadId());
        }
        interrupted.proxy().limit(0);
        interrupted.proxy().reset();

        DocumentSummary resumed = environment.services().documents().resume(killed.id(), TransferListener.NONE);

        assertEquals(killed.id(), resumed.id());
        assertTrue(interrupted.proxy().uploadedPartNumbers().contains(1), "part 1 was not sent again");
        Path exported = temp.resolve("exported.bin");
        environment.services().documents().export(killed.id(), exported, TransferListener.NONE);
        assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(exported));
        assertEquals(List.of(), multipartUploads());
    }

    @Test
    void sourceOnMissingFolderKeepsSession() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("usb-drive"));
        Path source = InterruptedUpload.writeRandomFile(folder.resolve("scan.bin"), 20L * MIB, 5);
        InterruptedUpload.Result killed = interrupted.uploadAndKill(source, 2);
        Path unplugged = Files.move(folder, temp.resolve("elsewhere"));

        SealDropException failure = assertThrows(SealDropException.class,
                () -> environment.services().documents().resume(killed.id(), TransferListener.NONE));
        assertEquals("SD-SOURCE-UNAVAILABLE", failure.errorCode());
        assertEquals(1, environment.services().documents().pendingUploads().size());
        assertEquals(1, multipartUploads().size());

        Files.move(unplugged, folder);
        interrupted.proxy().limit(0);
        environment.services().documents().resume(killed.id(), TransferListener.NONE);
        assertEquals(1, environment.services().documents().list().size());
        assertEquals(List.of(), multipartUploads());
    }

    /** Searches the index file and its write-ahead log, where recent rows may still be, for {@code text}. */
    private boolean indexFilesContain(String text) throws IOException {
        Path index = environment.home().indexFile();
        for (Path file : List.of(index, index.resolveSibling(index.getFileName() + "-wal"))) {
            if (Files.exists(file)
                    && new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text)) {
                return true;
            }
        }
        return false;
    }

    private void assertNothingLeft() {
        LocalServices services = environment.services();
        assertEquals(List.of(), services.documents().list());
        assertEquals(List.of(), services.documents().pendingUploads());
        try (ObjectStore bucket = environment.bucket()) {
            assertEquals(List.of(), bucket.list(TestEnvironment.PREFIX + "objects/"));
        }
        assertEquals(List.of(), multipartUploads());
    }

    private long uploadSuccessEvents(UUID id) {
        environment.services().flushAudit(java.time.Duration.ofSeconds(30));
        return environment.receivedEvents().stream()
                .filter(event -> event.get("action").asText().equals("upload"))
                .filter(event -> event.path("outcome").asText().equals("success"))
                .filter(event -> id.toString().equals(event.path("documentId").asText()))
                .count();
    }

    private List<MultipartUpload> multipartUploads() {
        try (S3Client client = S3Client.builder()
                .endpointOverride(environment.s3().endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(environment.s3().credentials())
                .build()) {
            return client.listMultipartUploads(request -> request.bucket(TestEnvironment.BUCKET)
                    .prefix(TestEnvironment.PREFIX)).uploads();
        }
    }

    private static void flipByte(Path file, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer oneByte = ByteBuffer.allocate(1);
            channel.read(oneByte, position);
            oneByte.put(0, (byte) (oneByte.get(0) ^ 0x5a));
            oneByte.rewind();
            channel.write(oneByte, position);
        }
    }
}
