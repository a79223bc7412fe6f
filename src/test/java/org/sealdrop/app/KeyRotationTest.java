package org.sealdrop.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.index.DocumentRecord;
import org.sealdrop.storage.ObjectInfo;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.testsupport.ByteCountingProxy;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.TestEnvironment;
import org.sealdrop.transfer.Uploader;
import org.sealdrop.vault.KeyFile;
import org.sealdrop.vault.KeyFileStore;
import org.sealdrop.vault.KeyRotation;
import org.sealdrop.vault.RotationIncompleteException;
import org.sealdrop.vault.RotationReport;

/** Vault key rotation against S3Proxy, with documents uploaded from two computers. */
class KeyRotationTest {

    @TempDir
    Path temp;

    private TwoComputers computers;

    @BeforeEach
    void start() throws Exception {
        computers = TwoComputers.start(temp);
    }

    @AfterEach
    void stop() {
        computers.close();
    }

    @Test
    void rotationRewrapsEveryObjectInTheBucket() throws Exception {
        List<UUID> fromFirst = computers.upload(computers.first(), Corpus.filesIn("pdf"));
        List<UUID> fromSecond = computers.upload(computers.second(), Corpus.filesIn("images"));
        int total = fromFirst.size() + fromSecond.size();

        RotationReport report = computers.first().vault().rotate(TwoComputers.PASSPHRASE.toCharArray(), KeyRotation.Progress.NONE);

        assertEquals(2, report.targetVersion());
        assertEquals(total, report.objects());
        assertEquals(total, report.rewrapped());
        assertEquals(Map.of(1, total), report.objectsByVersion());
        assertEquals(fromFirst.size(), report.rowsUpdated());
        assertTrue(report.failures().isEmpty(), report.failures()::toString);
        computers.objectVersions().forEach((key, version) -> assertEquals(2, version, key));
        for (UUID id : fromFirst) {
            assertEquals(2, row(computers.first(), id).vaultKeyVersion());
            assertOpensUnchanged(computers.first(), id);
        }
        for (UUID id : fromSecond) {
            assertOpensUnchanged(computers.second(), id);
        }
    }

    @Test
    void newUploadsUseNewVersionEverywhere() throws Exception {
        computers.upload(computers.first(), List.of(Corpus.pdf("minimal-document.pdf")));
        computers.first().vault().rotate(TwoComputers.PASSPHRASE.toCharArray(), KeyRotation.Progress.NONE);

        UUID fromFirst = computers.upload(computers.first(), List.of(Corpus.image("smile.png"))).get(0);
        computers.second().vault().lock();
        computers.second().vault().unlock(TwoComputers.PASSPHRASE.toCharArray());
        UUID fromSecond = computers.upload(computers.second(), List.of(Corpus.image("smile.jpg"))).get(0);

        assertEquals(2, row(computers.first(), fromFirst).vaultKeyVersion());
        assertEquals(2, row(computers.second(), fromSecond).vaultKeyVersion());
        computers.objectVersions().forEach((key, version) -> assertEquals(2, version, key));
        KeyFile secondCopy = KeyFileStore.read(computers.second().home().keyFile()).orElseThrow();
        assertEquals(2, secondCopy.current().keyVersion());
    }

    @Test
    void multipartObjectIsRewrappedWithoutItsContent() throws Exception {
        Path large = temp.resolve("large-scan.bin");
        byte[] content = new byte[17 * 1024 * 1024 + 3];
        new Random(11).nextBytes(content);
        Files.write(large, content);
        UUID id = computers.upload(computers.first(), List.of(large)).get(0);

        computers.first().vault().rotate(TwoComputers.PASSPHRASE.toCharArray(), KeyRotation.Progress.NONE);

        assertEquals(Map.of(TestEnvironment.PREFIX + "objects/" + id, 2), computers.objectVersions());
        assertOpensUnchanged(computers.first(), id);
    }

    @Test
    void rotationMovesOnlyHeadersNotContent() throws Exception {
        List<UUID> documents = computers.upload(computers.first(), Corpus.documents());
        long contentBytes = 0;
        for (UUID id : documents) {
            contentBytes += Files.size(computers.sources().get(id));
        }

        try (ByteCountingProxy proxy = ByteCountingProxy.inFrontOf(computers.environment().s3().endpoint());
                LocalServices viaProxy = LocalServices.open(new org.sealdrop.config.HomeFolder(temp.resolve("measured-home")),
                        computers.environment().options())) {
            VaultSetup setup = computers.environment().vaultSetup();
            viaProxy.vault().setUp(new VaultSetup(proxy.endpoint(), setup.region(), setup.bucket(), setup.prefix(),
                    setup.auditUrl(), setup.auditTokenFile()), TwoComputers.PASSPHRASE.toCharArray(), false);
            proxy.reset();

            RotationReport report = viaProxy.vault().rotate(TwoComputers.PASSPHRASE.toCharArray(), KeyRotation.Progress.NONE);

            long wire = proxy.bytesSent() + proxy.bytesReceived();
            long bodyPerDocument = proxy.bodyBytes() / report.objects();
            // The key file's download and two uploads are included, spread over the documents.
            System.out.printf("Rotation of %d documents (%d content bytes): %d bytes on the wire (%d of headers,"
                    + " %d of bodies), %d body bytes and %d wire bytes per document%n", report.objects(), contentBytes,
                    wire, proxy.headerBytes(), proxy.bodyBytes(), bodyPerDocument, wire / report.objects());
            assertEquals(documents.size(), report.rewrapped());
            assertEquals(wire, proxy.headerBytes() + proxy.bodyBytes(), "every byte is a header or a body byte");
            assertTrue(bodyPerDocument < 4096, "body bytes per document: " + bodyPerDocument);
            assertTrue(wire < contentBytes / 10, "bytes on the wire: " + wire);
        }
    }

    @Test
    void rerunFinishesIncompleteRotation() throws Exception {
        List<UUID> documents = computers.upload(computers.first(), Corpus.filesIn("images"));
        UUID broken = documents.get(2);
        String brokenKey = TestEnvironment.PREFIX + "objects/" + broken;
        Map<String, String> original = removeWrappedKey(brokenKey);

        RotationIncompleteException e = assertThrows(RotationIncompleteException.class,
                () -> computers.first().vault().rotate(TwoComputers.PASSPHRASE.toCharArray(), KeyRotation.Progress.NONE));

        assertEquals("SD-ROTATION-INCOMPLETE", e.errorCode());
        assertEquals(List.of(broken + " SD-WRAPPED-KEY-MISSING"), e.report().failures());
        assertTrue(bucketKeyFile().rewrapPending());
        assertEquals(VaultState.UNLOCKED, computers.first().vault().state());

        restoreMetadata(brokenKey, original);
        RotationReport rerun = computers.first().vault().rotate(TwoComputers.PASSPHRASE.toCharArray(), KeyRotation.Progress.NONE);

        assertEquals(2, rerun.targetVersion(), "a rerun resumes the same version");
        assertEquals(1, rerun.rewrapped());
        assertEquals(documents.size() - 1, rerun.objectsUsing(2));
        assertFalse(bucketKeyFile().rewrapPending());
        for (UUID id : documents) {
            assertOpensUnchanged(computers.first(), id);
        }
    }

    @Test
    void rotationAfterAFinishedOneAddsAnotherVersion() {
        computers.upload(computers.first(), List.of(Corpus.image("smile.png")));
        computers.first().vault().rotate(TwoComputers.PASSPHRASE.toCharArray(), KeyRotation.Progress.NONE);
        RotationReport second = computers.first().vault().rotate(TwoComputers.PASSPHRASE.toCharArray(), KeyRotation.Progress.NONE);

        assertEquals(3, second.targetVersion());
        assertEquals(Map.of(2, 1), second.objectsByVersion());
    }

    @Test
    void wrongPassphraseChangesNothingAndIsAudited() throws Exception {
        computers.upload(computers.first(), List.of(Corpus.image("smile.png")));
        byte[] bucketBefore = bucketKeyFileBytes();
        byte[] localBefore = Files.readAllBytes(computers.first().home().keyFile());

        assertThrows(org.sealdrop.vault.WrongPassphraseException.class,
                () -> computers.first().vault().rotate("not the vault passphrase".toCharArray(), KeyRotation.Progress.NONE));

        assertArrayEquals(bucketBefore, bucketKeyFileBytes());
        assertArrayEquals(localBefore, Files.readAllBytes(computers.first().home().keyFile()));
        computers.objectVersions().forEach((key, version) -> assertEquals(1, version, key));
        assertTrue(computers.first().flushAudit(Duration.ofSeconds(10)));
        assertTrue(hasEvent("rotate", "failure", "SD-WRONG-PASSPHRASE"));
    }

    @Test
    void successfulRotationIsAudited() {
        computers.first().vault().rotate(TwoComputers.PASSPHRASE.toCharArray(), KeyRotation.Progress.NONE);
        assertTrue(computers.first().flushAudit(Duration.ofSeconds(10)));
        assertTrue(hasEvent("rotate", "success", null));
    }

    private boolean hasEvent(String action, String outcome, String reason) {
        for (JsonNode event : computers.environment().receivedEvents()) {
            if (action.equals(event.path("action").asText()) && outcome.equals(event.path("outcome").asText())
                    && (reason == null ? event.path("reason").isNull() : reason.equals(event.path("reason").asText()))) {
                return true;
            }
        }
        return false;
    }

    private Map<String, String> removeWrappedKey(String key) {
        try (ObjectStore bucket = computers.environment().bucket()) {
            ObjectInfo info = bucket.head(key).orElseThrow();
            Map<String, String> without = new HashMap<>(info.metadata());
            without.remove(Uploader.WRAPPED_KEY_METADATA);
            bucket.replaceMetadata(key, info.eTag(), without);
            return info.metadata();
        }
    }

    private void restoreMetadata(String key, Map<String, String> metadata) {
        try (ObjectStore bucket = computers.environment().bucket()) {
            bucket.replaceMetadata(key, bucket.head(key).orElseThrow().eTag(), metadata);
        }
    }

    private KeyFile bucketKeyFile() {
        return KeyFile.parse(bucketKeyFileBytes(), "test");
    }

    private byte[] bucketKeyFileBytes() {
        try (ObjectStore bucket = computers.environment().bucket()) {
            return bucket.getSmall(TestEnvironment.PREFIX + "vault/keyfile.json").orElseThrow();
        }
    }

    private static DocumentRecord row(LocalServices computer, UUID id) {
        return computer.transferContext().index().find(id).orElseThrow();
    }

    private void assertOpensUnchanged(LocalServices computer, UUID id) throws Exception {
        try (OpenedDocument opened = computer.documents().open(id, TransferListener.NONE)) {
            assertArrayEquals(computers.source(id), opened.content(), computers.sources().get(id).getFileName().toString());
        }
    }
}
