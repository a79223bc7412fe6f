package org.sealdrop.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealdrop.storage.TestStreams.MIB;
import static org.sealdrop.storage.TestStreams.randomBytes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sealdrop.testsupport.S3TestServer;

/** Multipart uploads whose parts are sent by several threads, against S3Proxy. */
class ParallelPartsTest {

    @RegisterExtension
    static final S3TestServer S3 = new S3TestServer();

    private static final long PART = 5L * MIB;

    @ParameterizedTest
    @CsvSource({
        "5242881, 1", "10485760, 1", "10485761, 2", "15728639, 4", "26214405, 3", "26214405, 8"})
    void partsArriveInOrderAndAllButTheLastAreFullSize(int length, int parallelism) throws IOException {
        byte[] content = randomBytes(length, length + parallelism);
        List<Long> partSizes = new CopyOnWriteArrayList<>();
        List<Long> progress = new CopyOnWriteArrayList<>();
        try (ObjectStore store = S3.newStore(S3.freshSettings().withMultipart(PART, PART).withParallelism(parallelism))) {
            store.observeParts(partSizes::add);
            String key = store.key("objects/parallel");

            ObjectInfo info = store.put(key, new ByteArrayInputStream(content), length, Map.of(), progress::add);

            List<Long> expected = new ArrayList<>();
            for (long offset = 0; offset < length; offset += PART) {
                expected.add(Math.min(PART, length - offset));
            }
            assertEquals(expected, partSizes);
            assertTrue(info.eTag().endsWith("-" + expected.size()), info.eTag());
            assertEquals(length, progress.get(progress.size() - 1));
            try (InputStream in = store.get(key)) {
                assertArrayEquals(content, in.readAllBytes());
            }
        }
    }

    @Test
    void streamFailingWhilePartsAreInFlightAbortsTheUpload() {
        byte[] content = randomBytes(40 * MIB, 21);
        List<Long> partSizes = new CopyOnWriteArrayList<>();
        try (ObjectStore store = S3.newStore(S3.freshSettings().withMultipart(PART, PART).withParallelism(4))) {
            store.observeParts(partSizes::add);
            String key = store.key("objects/broken");

            StorageException failure = assertThrows(StorageException.class, () -> store.put(key,
                    TestStreams.failingAfter(content, 27 * MIB), content.length, Map.of(), null));

            assertEquals("SD-S3-SOURCE-FAILED", failure.errorCode());
            // Five whole parts were read before the failure; those not yet sent are skipped once it is known.
            assertTrue(partSizes.size() <= 5 && partSizes.stream().allMatch(size -> size == PART), partSizes.toString());
            var uploads = S3.rawClient().listMultipartUploads(
                    request -> request.bucket(S3TestServer.BUCKET).prefix(store.settings().prefix()));
            assertEquals(List.of(), uploads.uploads(), "multipart uploads left in the bucket");
            assertEquals(Optional.empty(), store.head(key));
        }
    }

    @Test
    void partCountIsReadFromTheETag() {
        assertEquals(3, StoredObjectCheck.partCountOf("9b2cf535f27731c974343645a3985328-3"));
        assertNull(StoredObjectCheck.partCountOf("9b2cf535f27731c974343645a3985328"));
        assertNull(StoredObjectCheck.partCountOf("abc-"));
        assertNull(StoredObjectCheck.partCountOf(null));
    }

    @Test
    void readBackRejectsAnotherPartCountOrSize() {
        ObjectInfo multipart = new ObjectInfo("k", 100, "9b2cf535f27731c974343645a3985328-3", Map.of(), Instant.EPOCH);

        StoredObjectCheck.requireMatch(multipart, 100, 3, "b");
        assertEquals("SD-S3-SIZE-MISMATCH", assertThrows(StorageException.class,
                () -> StoredObjectCheck.requireMatch(multipart, 100, 2, "b")).errorCode());
        assertEquals("SD-S3-SIZE-MISMATCH", assertThrows(StorageException.class,
                () -> StoredObjectCheck.requireMatch(multipart, 100, 0, "b")).errorCode());
        assertEquals("SD-S3-SIZE-MISMATCH", assertThrows(StorageException.class,
                () -> StoredObjectCheck.requireMatch(multipart, 101, 3, "b")).errorCode());
    }

    @Test
    void parallelismOutsideOneToSixtyFourIsRejected() {
        StorageSettings settings = S3.freshSettings();
        assertEquals(4, settings.parallelism());
        assertEquals("SD-S3-INVALID-SETTING",
                assertThrows(StorageException.class, () -> settings.withParallelism(0)).errorCode());
        assertEquals("SD-S3-INVALID-SETTING",
                assertThrows(StorageException.class, () -> settings.withParallelism(65)).errorCode());
    }
}
