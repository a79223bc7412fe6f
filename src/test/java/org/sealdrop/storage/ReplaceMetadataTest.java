package org.sealdrop.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sealdrop.storage.TestStreams.randomBytes;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sealdrop.testsupport.S3TestServer;

/** {@link ObjectStore#replaceMetadata}: a server-side copy onto the object itself, against S3Proxy. */
class ReplaceMetadataTest {

    @RegisterExtension
    static final S3TestServer S3 = new S3TestServer();

    @Test
    void metadataIsReplacedAndContentKept() throws Exception {
        byte[] content = randomBytes(70_000, 3);
        try (ObjectStore store = S3.newStore()) {
            String key = store.key("objects/a");
            ObjectInfo stored = store.put(key, new ByteArrayInputStream(content), content.length,
                    Map.of("sealdrop-format", "1", "sealdrop-wrapped-key", "old"), null);

            store.replaceMetadata(key, stored.eTag(), Map.of("sealdrop-format", "1", "sealdrop-wrapped-key", "new"));

            ObjectInfo after = store.head(key).orElseThrow();
            assertEquals(Map.of("sealdrop-format", "1", "sealdrop-wrapped-key", "new"), after.metadata());
            assertEquals(content.length, after.size());
            try (InputStream in = store.get(key)) {
                assertArrayEquals(content, in.readAllBytes());
            }
        }
    }

    @Test
    void entriesLeftOutAreDropped() {
        try (ObjectStore store = S3.newStore()) {
            String key = store.key("objects/b");
            ObjectInfo stored = store.put(key, new ByteArrayInputStream(new byte[10]), 10,
                    Map.of("sealdrop-format", "1", "sealdrop-wrapped-key", "old"), null);

            store.replaceMetadata(key, stored.eTag(), Map.of("sealdrop-format", "1"));

            assertEquals(Map.of("sealdrop-format", "1"), store.head(key).orElseThrow().metadata());
        }
    }

    @Test
    void staleETagLeavesTheObjectAlone() {
        try (ObjectStore store = S3.newStore()) {
            String key = store.key("objects/c");
            ObjectInfo first = store.put(key, new ByteArrayInputStream(new byte[10]), 10, Map.of("sealdrop-wrapped-key", "one"), null);
            store.put(key, new ByteArrayInputStream(new byte[11]), 11, Map.of("sealdrop-wrapped-key", "two"), null);

            StorageException e = assertThrows(StorageException.class,
                    () -> store.replaceMetadata(key, first.eTag(), Map.of("sealdrop-wrapped-key", "three")));

            assertEquals("SD-S3-CHANGED", e.errorCode());
            assertEquals(Map.of("sealdrop-wrapped-key", "two"), store.head(key).orElseThrow().metadata());
        }
    }

    @Test
    void missingObjectIsNotFound() {
        try (ObjectStore store = S3.newStore()) {
            StorageException e = assertThrows(StorageException.class,
                    () -> store.replaceMetadata(store.key("objects/missing"), "abc", Map.of()));
            assertEquals("SD-S3-NOT-FOUND", e.errorCode());
        }
    }
}
