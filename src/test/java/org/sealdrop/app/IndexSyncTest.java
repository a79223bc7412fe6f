package org.sealdrop.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.CountingProxy;
import org.sealdrop.testsupport.TestEnvironment;

/**
 * Index sync between two computers of one vault, against S3Proxy and the audit receiver on
 * 127.0.0.1. The first computer is the test environment's home; the second joins with the passphrase.
 */
class IndexSyncTest {

    @TempDir
    Path temp;

    private TestEnvironment environment;
    private LocalServices first;
    private LocalServices second;

    @BeforeEach
    void start() throws IOException {
        environment = TestEnvironment.start(temp);
        first = environment.services();
    }

    @AfterEach
    void stop() {
        if (second != null) {
            second.close();
        }
        environment.close();
    }

    @Test
    void secondComputerSyncsAndOpensFirstUpload() throws Exception {
        Path pdf = Corpus.pdf("pdflatex-4-pages.pdf");
        DocumentSummary uploaded = first.documents().upload(pdf, "MRN 0042", TransferListener.NONE);
        second = join("second");
        assertEquals(List.of(), second.documents().list());

        SyncReport report = second.documents().sync();

        assertEquals(List.of(uploaded.id()), report.added());
        assertEquals(List.of(), report.damaged());
        assertEquals(List.of(uploaded), second.documents().list());
        try (OpenedDocument opened = second.documents().open(uploaded.id(), TransferListener.NONE)) {
            assertArrayEquals(Files.readAllBytes(pdf), opened.content());
        }

        DocumentSummary fromSecond = second.documents().upload(Corpus.image("smile.png"), null, TransferListener.NONE);
        SyncReport back = first.documents().sync();

        assertEquals(List.of(fromSecond.id()), back.added());
        assertEquals(1, back.kept());
        assertEquals(Set.of(uploaded, fromSecond), Set.copyOf(first.documents().list()));
    }

    @Test
    void syncWithNothingNewChangesNothing() {
        DocumentSummary uploaded = first.documents().upload(Corpus.pdf("minimal-document.pdf"), null, TransferListener.NONE);

        SyncReport report = first.documents().sync();

        assertEquals(List.of(), report.added());
        assertEquals(List.of(), report.removed());
        assertEquals(1, report.kept());
        assertFalse(report.changedList());
        assertEquals(List.of(uploaded), first.documents().list());
    }

    @Test
    void objectDeletedBehindTheBackLeavesTheIndex() {
        DocumentSummary deleted = first.documents().upload(Corpus.pdf("minimal-document.pdf"), null, TransferListener.NONE);
        DocumentSummary remaining = first.documents().upload(Corpus.image("smile.png"), null, TransferListener.NONE);
        try (ObjectStore bucket = environment.bucket()) {
            bucket.delete(objectKey(deleted.id()));
        }

        SyncReport report = first.documents().sync();

        assertEquals(List.of(deleted.id()), report.removed());
        assertEquals(1, report.kept());
        assertEquals(List.of(remaining), first.documents().list());
        SealDropException e = assertThrows(SealDropException.class,
                () -> first.documents().open(deleted.id(), TransferListener.NONE));
        assertEquals("SD-DOCUMENT-NOT-FOUND", e.errorCode());
    }

    @Test
    void tamperedObjectsAreReportedAndNeverListed() throws Exception {
        UUID intact = upload("minimal-document.pdf");
        UUID alteredMetadata = upload("crazyones-pdfa.pdf");
        UUID alteredId = upload("pdflatex-4-pages.pdf");
        UUID truncated = upload("pdflatex-image.pdf");
        UUID keyless = first.documents().upload(Corpus.image("smile.png"), null, TransferListener.NONE).id();
        UUID swappedA = first.documents().upload(Corpus.image("smile.jpg"), null, TransferListener.NONE).id();
        UUID swappedB = first.documents().upload(Corpus.image("smile.tiff"), null, TransferListener.NONE).id();
        Map<String, String> keyA = metadata(swappedA);
        Map<String, String> keyB = metadata(swappedB);

        // Byte 200 lies in the encrypted metadata, byte 12 in the header's document id.
        rewrite(alteredMetadata, bytes -> flip(bytes, 200), UnaryOperator.identity());
        rewrite(alteredId, bytes -> flip(bytes, 12), UnaryOperator.identity());
        rewrite(truncated, bytes -> java.util.Arrays.copyOf(bytes, bytes.length - 1), UnaryOperator.identity());
        rewrite(keyless, UnaryOperator.identity(), metadata -> Map.of("sealdrop-format", "1"));
        rewrite(swappedA, UnaryOperator.identity(), metadata -> keyB);
        rewrite(swappedB, UnaryOperator.identity(), metadata -> keyA);
        try (ObjectStore bucket = environment.bucket()) {
            bucket.putSmall(TestEnvironment.PREFIX + "objects/notes.txt", new byte[] {1, 2, 3}, Map.of());
        }
        second = join("second");

        SyncReport report = second.documents().sync();

        assertEquals(List.of(intact), report.added());
        Map<UUID, String> damaged = report.damaged().stream()
                .collect(Collectors.toMap(SyncReport.Damaged::id, SyncReport.Damaged::errorCode));
        Map<UUID, String> expected = new HashMap<>();
        for (UUID id : List.of(alteredMetadata, alteredId, truncated, keyless, swappedA, swappedB)) {
            expected.put(id, "SD-INTEGRITY");
        }
        assertEquals(expected, damaged);
        assertEquals(1, report.skipped(), "objects/notes.txt is not a document");
        assertEquals(List.of(intact), second.documents().list().stream().map(DocumentSummary::id).toList());
        for (UUID id : expected.keySet()) {
            SealDropException e = assertThrows(SealDropException.class,
                    () -> second.documents().open(id, TransferListener.NONE));
            assertEquals("SD-DOCUMENT-NOT-FOUND", e.errorCode(), id.toString());
        }

        // A second sync reports them again but records each integrity failure only once.
        assertEquals(expected.keySet(), second.documents().sync().damaged().stream()
                .map(SyncReport.Damaged::id).collect(Collectors.toSet()));
        assertTrue(second.flushAudit(Duration.ofSeconds(10)));
        for (UUID id : expected.keySet()) {
            assertEquals(1, integrityFailures(id), id.toString());
        }
        assertEquals(0, integrityFailures(intact));
    }

    @Test
    void restoredObjectIsListedByTheNextSync() throws Exception {
        UUID id = upload("minimal-document.pdf");
        byte[] original = content(id);
        Map<String, String> metadata = metadata(id);
        rewrite(id, bytes -> flip(bytes, 200), UnaryOperator.identity());
        second = join("second");
        assertEquals(List.of(id), second.documents().sync().damaged().stream().map(SyncReport.Damaged::id).toList());

        try (ObjectStore bucket = environment.bucket()) {
            bucket.putSmall(objectKey(id), original, metadata);
        }
        SyncReport report = second.documents().sync();

        assertEquals(List.of(id), report.added());
        assertEquals(List.of(), report.damaged());
    }

    @Test
    void syncOfLargeObjectDownloadsOnlyItsHeader() throws Exception {
        Path large = temp.resolve("large-scan.bin");
        byte[] content = new byte[20 * 1024 * 1024];
        new Random(11).nextBytes(content);
        Files.write(large, content);
        DocumentSummary uploaded = first.documents().upload(large, null, TransferListener.NONE);

        try (CountingProxy proxy = CountingProxy.to(environment.s3().endpoint())) {
            second = join("second", proxy.endpoint());
            proxy.reset();

            SyncReport report = second.documents().sync();

            long syncBytes = proxy.downloadedBytes();
            assertEquals(List.of(uploaded.id()), report.added());
            assertTrue(syncBytes < 64 * 1024, "the sync downloaded " + syncBytes + " bytes");

            // The relay sees a full download, so the small number above is not a counting failure.
            proxy.reset();
            second.documents().verify(uploaded.id());
            assertTrue(proxy.downloadedBytes() > content.length, "a verify downloaded " + proxy.downloadedBytes());
        }
    }

    @Test
    void headerLongerThanFirstRangeIsReadWhole() {
        // A patient reference of 6000 characters makes the header longer than the first 4 KiB range.
        String longReference = "MRN-" + "7".repeat(6000);
        DocumentSummary uploaded = first.documents().upload(Corpus.image("smile.png"), longReference, TransferListener.NONE);
        second = join("second");

        SyncReport report = second.documents().sync();

        assertEquals(List.of(uploaded.id()), report.added());
        assertEquals(List.of(uploaded), second.documents().list());
    }

    @Test
    void lockedVaultCannotSync() {
        first.vault().lock();

        SealDropException e = assertThrows(SealDropException.class, () -> first.documents().sync());

        assertEquals("SD-VAULT-LOCKED", e.errorCode());
    }

    private LocalServices join(String name) {
        return join(name, environment.s3().endpoint());
    }

    private LocalServices join(String name, java.net.URI endpoint) {
        LocalServices services = LocalServices.open(new HomeFolder(temp.resolve(name)), environment.options());
        VaultSetup setup = environment.vaultSetup();
        services.vault().setUp(new VaultSetup(endpoint, setup.region(), setup.bucket(), setup.prefix(), setup.auditUrl(),
                setup.auditTokenFile()), TestEnvironment.PASSPHRASE.toCharArray(), false);
        return services;
    }

    private UUID upload(String pdf) {
        return first.documents().upload(Corpus.pdf(pdf), null, TransferListener.NONE).id();
    }

    private long integrityFailures(UUID id) {
        return environment.receivedEvents().stream()
                .filter(event -> event.get("action").asText().equals("integrity_failure"))
                .filter(event -> id.toString().equals(event.path("documentId").asText()))
                .peek(event -> assertEquals("sync", event.get("reason").asText()))
                .count();
    }

    private static String objectKey(UUID id) {
        return TestEnvironment.PREFIX + "objects/" + id;
    }

    private Map<String, String> metadata(UUID id) {
        try (ObjectStore bucket = environment.bucket()) {
            return Map.copyOf(bucket.head(objectKey(id)).orElseThrow().metadata());
        }
    }

    private byte[] content(UUID id) throws IOException {
        try (ObjectStore bucket = environment.bucket(); InputStream in = bucket.get(objectKey(id))) {
            return in.readAllBytes();
        }
    }

    private void rewrite(UUID id, UnaryOperator<byte[]> content, UnaryOperator<Map<String, String>> metadata)
            throws IOException {
        byte[] bytes = content(id);
        Map<String, String> current = metadata(id);
        try (ObjectStore bucket = environment.bucket()) {
            bucket.putSmall(objectKey(id), content.apply(bytes), metadata.apply(current));
        }
    }

    private static byte[] flip(byte[] bytes, int offset) {
        bytes[offset] ^= 0x01;
        return bytes;
    }
}
