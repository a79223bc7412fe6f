package org.sealdrop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;
import org.sealdrop.crypto.ObjectHeader;
import org.sealdrop.storage.ObjectInfo;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.TestEnvironment;

/**
 * A document is bound to its key, its header and its object key: moving any of them between
 * documents is detected as "altered or belongs elsewhere", recorded as an integrity failure, and
 * never shown.
 */
class DocumentBindingTest {

    @TempDir
    Path temp;

    private TestEnvironment environment;
    private LocalServices services;
    private DocumentSummary first;
    private DocumentSummary second;

    @BeforeEach
    void uploadTwo() throws IOException {
        environment = TestEnvironment.start(temp);
        services = environment.services();
        first = services.documents().upload(Corpus.pdf("minimal-document.pdf"), null, TransferListener.NONE);
        second = services.documents().upload(Corpus.pdf("crazyones-pdfa.pdf"), null, TransferListener.NONE);
    }

    @AfterEach
    void stop() {
        environment.close();
    }

    @Test
    void wrappedKeyMovedFromAnotherDocument() throws Exception {
        copyIndexColumn("wrapped_key", second.id(), first.id());
        assertAlteredAndAudited(first.id());
    }

    @Test
    void objectRenamedInTheBucket() throws Exception {
        try (ObjectStore bucket = environment.bucket()) {
            byte[] secondObject = read(bucket, objectKey(second.id()));
            ObjectInfo firstInfo = bucket.head(objectKey(first.id())).orElseThrow();
            bucket.putSmall(objectKey(first.id()), secondObject, Map.copyOf(firstInfo.metadata()));
        }
        assertAlteredAndAudited(first.id());
    }

    @Test
    void objectAndItsWrappedKeyMovedTogether() throws Exception {
        try (ObjectStore bucket = environment.bucket()) {
            byte[] secondObject = read(bucket, objectKey(second.id()));
            ObjectInfo secondInfo = bucket.head(objectKey(second.id())).orElseThrow();
            bucket.putSmall(objectKey(first.id()), secondObject, Map.copyOf(secondInfo.metadata()));
        }
        copyIndexColumn("wrapped_key", second.id(), first.id());
        copyIndexColumn("header", second.id(), first.id());
        assertAlteredAndAudited(first.id());
    }

    @Test
    void headerFromAnotherObject() throws Exception {
        try (ObjectStore bucket = environment.bucket()) {
            byte[] firstObject = read(bucket, objectKey(first.id()));
            byte[] secondObject = read(bucket, objectKey(second.id()));
            int firstHeader = ObjectHeader.readLength(Arrays.copyOf(firstObject, 10));
            int secondHeader = ObjectHeader.readLength(Arrays.copyOf(secondObject, 10));
            byte[] spliced = new byte[secondHeader + firstObject.length - firstHeader];
            System.arraycopy(secondObject, 0, spliced, 0, secondHeader);
            System.arraycopy(firstObject, firstHeader, spliced, secondHeader, firstObject.length - firstHeader);
            ObjectInfo firstInfo = bucket.head(objectKey(first.id())).orElseThrow();
            bucket.putSmall(objectKey(first.id()), spliced, Map.copyOf(firstInfo.metadata()));
        }
        assertAlteredAndAudited(first.id());
    }

    @Test
    void swappedVaultKeyIsRejectedBeforeDecrypting() throws Exception {
        try (LocalServices other = LocalServices.open(new org.sealdrop.config.HomeFolder(temp.resolve("other")),
                environment.options())) {
            VaultSetup otherVault = new VaultSetup(environment.s3().endpoint(), "us-east-1", TestEnvironment.BUCKET,
                    "other-clinic/", environment.receiver().baseUrl(), environment.tokenFile());
            other.vault().setUp(otherVault, TestEnvironment.PASSPHRASE.toCharArray());
            DocumentSummary foreign = other.documents().upload(Corpus.pdf("minimal-document.pdf"), null, TransferListener.NONE);
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + other.home().indexFile());
                    PreparedStatement query = connection.prepareStatement("SELECT wrapped_key FROM documents WHERE id = ?")) {
                query.setString(1, foreign.id().toString());
                var rows = query.executeQuery();
                rows.next();
                setIndexColumn("wrapped_key", first.id(), rows.getBytes(1));
            }
        }
        assertAlteredAndAudited(first.id());
    }

    private void assertAlteredAndAudited(UUID id) {
        SealDropException e = assertThrows(SealDropException.class,
                () -> services.documents().open(id, TransferListener.NONE));
        assertEquals("SD-INTEGRITY", e.errorCode(), e.getMessage());
        assertTrue(e.getMessage().contains("altered or belongs elsewhere"), e.getMessage());

        assertTrue(services.flushAudit(Duration.ofSeconds(10)));
        long failures = environment.receivedEvents().stream()
                .filter(event -> event.get("action").asText().equals("integrity_failure"))
                .filter(event -> event.get("documentId").asText().equals(id.toString()))
                .count();
        assertEquals(1, failures);
        long opens = environment.receivedEvents().stream()
                .filter(event -> event.get("action").asText().equals("open"))
                .count();
        assertEquals(0, opens, "a document that failed verification is never shown");
    }

    private static String objectKey(UUID id) {
        return TestEnvironment.PREFIX + "objects/" + id;
    }

    private static byte[] read(ObjectStore bucket, String key) throws IOException {
        try (InputStream in = bucket.get(key)) {
            return in.readAllBytes();
        }
    }

    private void copyIndexColumn(String column, UUID from, UUID to) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + environment.home().indexFile());
                PreparedStatement query = connection.prepareStatement("SELECT " + column + " FROM documents WHERE id = ?")) {
            query.setString(1, from.toString());
            var rows = query.executeQuery();
            rows.next();
            setIndexColumn(column, to, rows.getBytes(1));
        }
    }

    private void setIndexColumn(String column, UUID id, byte[] value) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + environment.home().indexFile());
                PreparedStatement update = connection.prepareStatement("UPDATE documents SET " + column + " = ? WHERE id = ?")) {
            update.setBytes(1, value);
            update.setString(2, id.toString());
            assertEquals(1, update.executeUpdate());
        }
    }
}
