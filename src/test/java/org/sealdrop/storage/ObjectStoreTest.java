package org.sealdrop.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealdrop.storage.TestStreams.MIB;
import static org.sealdrop.storage.TestStreams.randomBytes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sealdrop.SealDropException;
import org.sealdrop.testsupport.S3TestServer;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;

class ObjectStoreTest {

    @RegisterExtension
    static final S3TestServer S3 = new S3TestServer();

    /** 5 MiB threshold and parts, so that multipart tests stay small. */
    private static StorageSettings smallParts(StorageSettings settings) {
        return settings.withMultipart(5L * MIB, 5L * MIB);
    }

    @Test
    void putBelowThresholdRoundTrips() throws IOException {
        byte[] content = randomBytes(100_000, 1);
        List<Long> progress = new ArrayList<>();
        try (ObjectStore store = S3.newStore()) {
            String key = store.key("objects/a1");

            ObjectInfo info = store.put(key, new ByteArrayInputStream(content), content.length,
                    Map.of("sealdrop-format", "1"), progress::add);

            assertEquals(key, info.key());
            assertEquals(content.length, info.size());
            assertEquals(Map.of("sealdrop-format", "1"), info.metadata());
            assertFalse(info.eTag().contains("-"), "a single PutObject has a plain ETag: " + info.eTag());
            assertEquals(content.length, progress.get(progress.size() - 1));
            try (InputStream in = store.get(key)) {
                assertArrayEquals(content, in.readAllBytes());
            }
        }
    }

    @Test
    void putCorpusDocumentRoundTrips() throws IOException {
        Path corpus = Path.of(System.getProperty("sealdrop.corpus", "../shared/corpus"));
        Path document;
        try (var files = Files.list(corpus)) {
            document = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        byte[] content = Files.readAllBytes(document);
        try (ObjectStore store = S3.newStore(); InputStream source = Files.newInputStream(document)) {
            String key = store.key("objects/corpus");

            store.put(key, source, content.length, Map.of(), null);

            try (InputStream in = store.get(key)) {
                assertArrayEquals(content, in.readAllBytes());
            }
        }
    }

    @Test
    void putAboveThresholdUsesMultipartParts() throws IOException {
        int length = 12 * MIB + 3;
        byte[] content = randomBytes(length, 2);
        List<Long> partSizes = new CopyOnWriteArrayList<>();
        List<Long> progress = new ArrayList<>();
        try (ObjectStore store = S3.newStore(smallParts(S3.freshSettings()))) {
            store.observeParts(partSizes::add);
            String key = store.key("objects/big");

            ObjectInfo info = store.put(key, new ByteArrayInputStream(content), length, Map.of("k", "v"), progress::add);

            assertEquals(List.of(5L * MIB, 5L * MIB, 2L * MIB + 3), partSizes);
            assertTrue(info.eTag().endsWith("-3"), "S3 reports three parts in the ETag: " + info.eTag());
            assertEquals(length, info.size());
            assertEquals(Map.of("k", "v"), info.metadata());
            assertEquals((long) length, progress.get(progress.size() - 1));
            for (int i = 1; i < progress.size(); i++) {
                assertTrue(progress.get(i) > progress.get(i - 1), "progress must only grow");
            }
            try (InputStream in = store.get(key)) {
                assertArrayEquals(content, in.readAllBytes());
            }
        }
    }

    @Test
    void multipartWorksWithRequiredChecksumsOnly() throws IOException {
        int length = 6 * MIB;
        byte[] content = randomBytes(length, 3);
        StorageSettings settings = smallParts(S3.freshSettings()).withChecksumMode(ChecksumMode.WHEN_REQUIRED);
        try (ObjectStore store = S3.newStore(settings)) {
            String key = store.key("objects/plain");

            ObjectInfo info = store.put(key, new ByteArrayInputStream(content), length, Map.of(), null);

            assertTrue(info.eTag().endsWith("-2"), info.eTag());
            try (InputStream in = store.get(key)) {
                assertArrayEquals(content, in.readAllBytes());
            }
        }
    }

    @Test
    void failingStreamAbortsMultipartUpload() {
        byte[] content = randomBytes(12 * MIB, 4);
        List<Long> partSizes = new CopyOnWriteArrayList<>();
        try (ObjectStore store = S3.newStore(smallParts(S3.freshSettings()))) {
            store.observeParts(partSizes::add);
            String key = store.key("objects/broken");

            StorageException failure = assertThrows(StorageException.class, () -> store.put(key,
                    TestStreams.failingAfter(content, 7 * MIB), content.length, Map.of(), null));

            assertEquals("SD-S3-SOURCE-FAILED", failure.errorCode());
            // The first part was read before the failure; whether it was sent before the abort depends on timing.
            assertTrue(partSizes.equals(List.of()) || partSizes.equals(List.of(5L * MIB)), partSizes.toString());
            assertNoUploadsLeft(store);
            assertEquals(Optional.empty(), store.head(key));
        }
    }

    @Test
    void uncheckedStreamFailurePassesThroughAfterAbort() {
        byte[] content = randomBytes(11 * MIB, 5);
        SealDropException pipelineFailure = new SealDropException("SD-FILE-CHANGED", "changed while reading");
        try (ObjectStore store = S3.newStore(smallParts(S3.freshSettings()))) {
            String key = store.key("objects/changed");

            SealDropException thrown = assertThrows(SealDropException.class, () -> store.put(key,
                    TestStreams.failingAfter(content, 6 * MIB, pipelineFailure), content.length, Map.of(), null));

            assertSame(pipelineFailure, thrown);
            assertNoUploadsLeft(store);
        }
    }

    @Test
    void shortStreamFailsMultipartUpload() {
        byte[] content = randomBytes(6 * MIB, 6);
        try (ObjectStore store = S3.newStore(smallParts(S3.freshSettings()))) {
            String key = store.key("objects/short-multipart");

            StorageException failure = assertThrows(StorageException.class,
                    () -> store.put(key, new ByteArrayInputStream(content), 12L * MIB, Map.of(), null));

            assertEquals("SD-S3-SHORT-CONTENT", failure.errorCode());
            assertTrue(failure.getMessage().contains(String.valueOf(6 * MIB)), failure.getMessage());
            assertNoUploadsLeft(store);
            assertEquals(Optional.empty(), store.head(key));
        }
    }

    @Test
    void shortStreamFailsSinglePut() {
        byte[] content = randomBytes(50, 7);
        try (ObjectStore store = S3.newStore()) {
            String key = store.key("objects/short");

            StorageException failure = assertThrows(StorageException.class,
                    () -> store.put(key, new ByteArrayInputStream(content), 100, Map.of(), null));

            assertEquals("SD-S3-SHORT-CONTENT", failure.errorCode());
            assertEquals(Optional.empty(), store.head(key));
        }
    }

    @Test
    void emptyObjectRoundTrips() throws IOException {
        try (ObjectStore store = S3.newStore()) {
            String key = store.key("objects/empty");

            ObjectInfo info = store.put(key, InputStream.nullInputStream(), 0, Map.of(), null);

            assertEquals(0, info.size());
            try (InputStream in = store.get(key)) {
                assertEquals(0, in.readAllBytes().length);
            }
        }
    }

    @Test
    void rangedGetReturnsExactBytes() throws IOException {
        byte[] content = randomBytes(200_000, 8);
        try (ObjectStore store = S3.newStore()) {
            String key = store.key("objects/ranged");
            store.put(key, new ByteArrayInputStream(content), content.length, Map.of(), null);

            long[][] ranges = {{0, 0}, {0, 65_551}, {100_000, 100_999}, {199_999, 199_999}, {65_552, 199_999}};
            for (long[] range : ranges) {
                int first = (int) range[0];
                int last = (int) range[1];
                byte[] expected = java.util.Arrays.copyOfRange(content, first, last + 1);
                try (InputStream in = store.getRange(key, first, last)) {
                    assertArrayEquals(expected, in.readAllBytes(), "bytes " + first + "-" + last);
                }
            }
        }
    }

    @Test
    void rangedGetStopsAtObjectEnd() throws IOException {
        byte[] content = randomBytes(1000, 9);
        try (ObjectStore store = S3.newStore()) {
            String key = store.key("objects/tail");
            store.put(key, new ByteArrayInputStream(content), content.length, Map.of(), null);

            try (InputStream in = store.getRange(key, 900, 5000)) {
                assertArrayEquals(java.util.Arrays.copyOfRange(content, 900, 1000), in.readAllBytes());
            }
            StorageException failure = assertThrows(StorageException.class, () -> store.getRange(key, 1000, 1100));
            assertEquals("SD-S3-INVALID-RANGE", failure.errorCode());
        }
    }

    @Test
    void closingDownloadEarlyKeepsStoreUsable() throws IOException {
        byte[] content = randomBytes(6 * MIB, 11);
        try (ObjectStore store = S3.newStore()) {
            String key = store.key("objects/partly-read");
            store.put(key, new ByteArrayInputStream(content), content.length, Map.of(), null);

            try (InputStream in = store.get(key)) {
                assertArrayEquals(java.util.Arrays.copyOf(content, 10), in.readNBytes(10));
            }

            try (InputStream in = store.get(key)) {
                assertArrayEquals(content, in.readAllBytes());
            }
        }
    }

    @Test
    void headOfMissingKeyIsEmpty() {
        try (ObjectStore store = S3.newStore()) {
            assertEquals(Optional.empty(), store.head(store.key("objects/missing")));
        }
    }

    @Test
    void getOfMissingKeyIsNotFound() {
        try (ObjectStore store = S3.newStore()) {
            String key = store.key("objects/missing");

            StorageException failure = assertThrows(StorageException.class, () -> store.get(key));

            assertEquals("SD-S3-NOT-FOUND", failure.errorCode());
            assertTrue(failure.getMessage().contains(key), failure.getMessage());
        }
    }

    @Test
    void listReturnsPrefixAcrossPages() {
        try (ObjectStore store = S3.newStore()) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String key = store.key("docs/d" + i);
                store.putSmall(key, new byte[] {(byte) i}, Map.of());
                expected.add(key);
            }
            store.putSmall(store.key("docs-other/x"), new byte[] {1}, Map.of());
            store.putSmall(store.key("keys/vault"), new byte[] {1}, Map.of());

            List<ObjectInfo> listed = store.list("docs/", 2);

            assertEquals(expected, listed.stream().map(ObjectInfo::key).toList());
            assertTrue(listed.stream().allMatch(info -> info.size() == 1));
            assertEquals(7, store.list("", 3).size(), "the whole prefix holds seven objects");
        }
    }

    @Test
    void listDoesNotSeeOtherPrefixes() {
        try (ObjectStore first = S3.newStore(); ObjectStore second = S3.newStore()) {
            first.putSmall(first.key("docs/a"), new byte[] {1}, Map.of());

            assertEquals(List.of(), second.list("docs/"));
            assertEquals(1, first.list("docs/").size());
        }
    }

    @Test
    void deleteRemovesObject() {
        try (ObjectStore store = S3.newStore()) {
            String key = store.key("objects/doomed");
            store.putSmall(key, new byte[] {1, 2, 3}, Map.of());
            assertTrue(store.head(key).isPresent());

            store.delete(key);

            assertEquals(Optional.empty(), store.head(key));
            store.delete(key);
        }
    }

    @Test
    void smallObjectRoundTrips() {
        byte[] keyFile = randomBytes(512, 10);
        try (ObjectStore store = S3.newStore()) {
            String key = store.key("vault.key");

            store.putSmall(key, keyFile, Map.of("sealdrop-key-file", "1"));

            assertArrayEquals(keyFile, store.getSmall(key).orElseThrow());
            assertEquals(Map.of("sealdrop-key-file", "1"), store.head(key).orElseThrow().metadata());
            assertEquals(Optional.empty(), store.getSmall(store.key("missing.key")));
        }
    }

    @Test
    void invalidMetadataIsRejectedBeforeUpload() {
        try (ObjectStore store = S3.newStore()) {
            String key = store.key("objects/meta");
            byte[] content = {1};

            StorageException upper = assertThrows(StorageException.class,
                    () -> store.putSmall(key, content, Map.of("Name", "x")));
            StorageException nonAscii = assertThrows(StorageException.class,
                    () -> store.putSmall(key, content, Map.of("name", "Zoë")));
            StorageException tooLarge = assertThrows(StorageException.class,
                    () -> store.putSmall(key, content, Map.of("name", "x".repeat(3000))));

            assertEquals("SD-S3-INVALID-METADATA", upper.errorCode());
            assertEquals("SD-S3-INVALID-METADATA", nonAscii.errorCode());
            assertEquals("SD-S3-INVALID-METADATA", tooLarge.errorCode());
            assertEquals(Optional.empty(), store.head(key));
        }
    }

    @Test
    void keyAddsVaultPrefix() {
        try (ObjectStore store = S3.newStore(S3.freshSettings().withPrefix("/clinic-a"))) {
            assertEquals("clinic-a/objects/1", store.key("objects/1"));
        }
    }

    private static void assertNoUploadsLeft(ObjectStore store) {
        ListMultipartUploadsResponse uploads = S3.rawClient().listMultipartUploads(
                request -> request.bucket(S3TestServer.BUCKET).prefix(store.settings().prefix()));
        assertEquals(List.of(), uploads.uploads(), "multipart uploads left in the bucket");
    }
}
