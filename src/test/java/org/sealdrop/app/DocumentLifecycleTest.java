package org.sealdrop.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;
import org.sealdrop.storage.ObjectInfo;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.TestEnvironment;

/** Upload, open, tamper and unlock through {@link LocalServices}, against S3Proxy and the real receiver. */
class DocumentLifecycleTest {

    @TempDir
    Path temp;

    private TestEnvironment environment;
    private LocalServices services;

    @BeforeEach
    void start() throws IOException {
        environment = TestEnvironment.start(temp);
        services = environment.services();
    }

    @AfterEach
    void stop() {
        environment.close();
    }

    @Test
    void openReturnsTheUploadedBytesAndRecordsTheOpen() throws Exception {
        Path pdf = Corpus.pdf("pdflatex-4-pages.pdf");
        DocumentSummary uploaded = services.documents().upload(pdf, "MRN 0042", TransferListener.NONE);

        try (OpenedDocument opened = services.documents().open(uploaded.id(), TransferListener.NONE)) {
            assertArrayEquals(Files.readAllBytes(pdf), opened.content());
            assertEquals("pdflatex-4-pages.pdf", opened.summary().name());
            assertEquals("application/pdf", opened.summary().mediaType());
            assertEquals("MRN 0042", opened.summary().patientReference());
        }
        assertTrue(services.flushAudit(Duration.ofSeconds(10)));
        assertEquals(1, actions(uploaded.id(), "open"));
        assertEquals(1, actions(uploaded.id(), "upload"));
    }

    @Test
    void emptyAndMultipartDocumentsRoundTrip() throws Exception {
        Path empty = Files.createFile(temp.resolve("empty.txt"));
        Path large = temp.resolve("large.bin");
        byte[] content = new byte[17 * 1024 * 1024 + 5];
        new Random(7).nextBytes(content);
        Files.write(large, content);

        for (Path file : List.of(empty, large)) {
            DocumentSummary uploaded = services.documents().upload(file, null, TransferListener.NONE);
            try (OpenedDocument opened = services.documents().open(uploaded.id(), TransferListener.NONE)) {
                assertArrayEquals(Files.readAllBytes(file), opened.content(), file.getFileName().toString());
            }
        }
    }

    @Test
    void sourceChangingDuringUploadLeavesNothingBehind() throws Exception {
        Path growing = temp.resolve("scan-in-progress.pdf");
        Files.write(growing, new byte[8 * 1024 * 1024]);
        AtomicBoolean uploading = new AtomicBoolean(true);
        Thread scanner = new Thread(() -> {
            while (uploading.get()) {
                try {
                    Files.write(growing, new byte[4096], StandardOpenOption.APPEND);
                } catch (IOException e) {
                    return;
                }
            }
        });
        scanner.start();
        SealDropException e;
        try {
            e = assertThrows(SealDropException.class,
                    () -> services.documents().upload(growing, null, TransferListener.NONE));
        } finally {
            uploading.set(false);
            scanner.join();
        }

        assertEquals("SD-SOURCE-CHANGED", e.errorCode());
        assertEquals(List.of(), services.documents().list());
        try (ObjectStore bucket = environment.bucket()) {
            assertEquals(List.of(), bucket.list(TestEnvironment.PREFIX + "objects/"));
        }
        assertTrue(services.flushAudit(Duration.ofSeconds(10)));
        assertTrue(environment.receivedEvents().stream().anyMatch(event -> event.get("action").asText().equals("upload")
                && event.get("outcome").asText().equals("failure")
                && event.get("reason").asText().equals("SD-SOURCE-CHANGED")));
    }

    @Test
    void alteredObjectIsNeverShownAndIsAudited() throws Exception {
        DocumentSummary uploaded = services.documents().upload(Corpus.pdf("minimal-document.pdf"), null, TransferListener.NONE);
        flipByteOfObject(uploaded.id(), 2000);

        SealDropException e = assertThrows(SealDropException.class,
                () -> services.documents().open(uploaded.id(), TransferListener.NONE));

        assertEquals("SD-INTEGRITY", e.errorCode());
        assertEquals("damaged", services.documents().list().get(0).status());
        assertTrue(services.flushAudit(Duration.ofSeconds(10)));
        assertEquals(1, actions(uploaded.id(), "integrity_failure"));
        assertEquals(0, actions(uploaded.id(), "open"));
    }

    @Test
    void missingObjectFailsTheOpenWithAnAuditEvent() {
        DocumentSummary uploaded = services.documents().upload(Corpus.pdf("minimal-document.pdf"), null, TransferListener.NONE);
        try (ObjectStore bucket = environment.bucket()) {
            bucket.delete(TestEnvironment.PREFIX + "objects/" + uploaded.id());
        }

        SealDropException e = assertThrows(SealDropException.class,
                () -> services.documents().open(uploaded.id(), TransferListener.NONE));

        assertFalse(e.getMessage().contains("minimal-document"), e.getMessage());
        assertTrue(services.flushAudit(Duration.ofSeconds(10)));
        JsonNode failure = environment.receivedEvents().stream()
                .filter(event -> event.get("action").asText().equals("open"))
                .findFirst().orElseThrow();
        assertEquals("failure", failure.get("outcome").asText());
    }

    @Test
    void exportWritesVerifiedCopyAndRecordsExport() throws Exception {
        Path image = Corpus.root().resolve("images/smile.tiff");
        DocumentSummary uploaded = services.documents().upload(image, null, TransferListener.NONE);
        Path target = temp.resolve("copy.tiff");

        services.documents().export(uploaded.id(), target, TransferListener.NONE);

        assertArrayEquals(Files.readAllBytes(image), Files.readAllBytes(target));
        assertTrue(services.flushAudit(Duration.ofSeconds(10)));
        assertEquals(1, actions(uploaded.id(), "export"));
    }

    @Test
    void wrongPassphraseUnlocksNothingAndIsAudited() {
        services.vault().lock();
        assertEquals(VaultState.LOCKED, services.vault().state());

        SealDropException e = assertThrows(SealDropException.class,
                () -> services.vault().unlock("not the passphrase".toCharArray()));

        assertEquals("SD-WRONG-PASSPHRASE", e.errorCode());
        assertEquals(VaultState.LOCKED, services.vault().state());
        assertThrows(SealDropException.class, () -> services.documents().list());
        assertTrue(services.flushAudit(Duration.ofSeconds(10)));
        assertTrue(environment.receivedEvents().stream().anyMatch(event -> event.get("action").asText().equals("unlock_failed")));
    }

    @Test
    void secondComputerJoinsWithThePassphrase() {
        DocumentSummary uploaded = services.documents().upload(Corpus.pdf("minimal-document.pdf"), null, TransferListener.NONE);
        try (LocalServices second = LocalServices.open(new org.sealdrop.config.HomeFolder(temp.resolve("second")),
                environment.options())) {
            assertThrows(SealDropException.class,
                    () -> second.vault().setUp(environment.vaultSetup(), "a wrong passphrase".toCharArray()));
            assertEquals(VaultState.NOT_CONFIGURED, second.vault().state());

            boolean created = second.vault().setUp(environment.vaultSetup(), TestEnvironment.PASSPHRASE.toCharArray());

            assertFalse(created);
            assertEquals(VaultState.UNLOCKED, second.vault().state());
            assertTrue(uploaded.id() != null);
        }
    }

    @Test
    void joinOnlyNeverCreatesAVault() {
        try (LocalServices other = LocalServices.open(new org.sealdrop.config.HomeFolder(temp.resolve("other")),
                environment.options())) {
            VaultSetup typo = new VaultSetup(environment.s3().endpoint(), "us-east-1", TestEnvironment.BUCKET,
                    "clinc/", environment.receiver().baseUrl(), environment.tokenFile());

            SealDropException e = assertThrows(SealDropException.class,
                    () -> other.vault().setUp(typo, TestEnvironment.PASSPHRASE.toCharArray(), false));

            assertEquals("SD-NO-VAULT", e.errorCode());
            assertTrue(e.getMessage().contains("clinc/"), e.getMessage());
            assertEquals(VaultState.NOT_CONFIGURED, other.vault().state());
            try (ObjectStore bucket = environment.bucket()) {
                assertEquals(List.of(), bucket.list("clinc/"));
            }
        }
    }

    private long actions(UUID documentId, String action) {
        return environment.receivedEvents().stream()
                .filter(event -> event.get("action").asText().equals(action))
                .filter(event -> documentId.toString().equals(event.path("documentId").asText()))
                .count();
    }

    private void flipByteOfObject(UUID id, int offset) throws IOException {
        String key = TestEnvironment.PREFIX + "objects/" + id;
        try (ObjectStore bucket = environment.bucket()) {
            ObjectInfo info = bucket.head(key).orElseThrow();
            byte[] object;
            try (InputStream in = bucket.get(key)) {
                object = in.readAllBytes();
            }
            object[offset] ^= 0x01;
            bucket.putSmall(key, object, Map.copyOf(info.metadata()));
        }
    }
}
