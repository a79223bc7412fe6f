package org.sealdrop.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealdrop.SealDropException;
import org.sealdrop.config.Settings;
import org.sealdrop.storage.ObjectInfo;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.testsupport.SettingsCopies;
import org.sealdrop.testsupport.TestEnvironment;

/**
 * Uploads through {@link LocalServices} with 5 MiB parts sent 4 at a time, against S3Proxy: documents
 * around part boundaries come back byte for byte, and a source that changes during the upload leaves
 * neither an object nor a multipart upload behind.
 */
class ParallelUploadTest {

    private static final int MIB = 1024 * 1024;

    @TempDir
    Path temp;

    private TestEnvironment environment;
    private LocalServices services;

    @BeforeEach
    void start() throws IOException {
        environment = TestEnvironment.start(temp);
        services = environment.services();
        Settings current = services.settings().orElseThrow();
        services.reconfigure(SettingsCopies.of(current).parts(5, 5).uploadParallelism(4).build());
    }

    @AfterEach
    void stop() {
        environment.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5 * MIB, 5 * MIB + 1, 15 * MIB - 1, 23 * MIB + 7})
    void documentsAroundPartBoundariesRoundTrip(int size) throws Exception {
        Path source = writeRandomFile("scan.bin", size, size);

        DocumentSummary uploaded = services.documents().upload(source, null, TransferListener.NONE);

        Path exported = temp.resolve("exported.bin");
        services.documents().export(uploaded.id(), exported, TransferListener.NONE);
        assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(exported));
        ObjectInfo stored = storedObject();
        if (stored.size() > 5L * MIB) {
            long parts = (stored.size() + 5L * MIB - 1) / (5L * MIB);
            assertTrue(stored.eTag().endsWith("-" + parts), "ETag " + stored.eTag() + " for " + parts + " parts");
        }
        assertNoMultipartUploadsLeft();
    }

    @Test
    void progressGrowsToTheDocumentSize() throws Exception {
        int size = 23 * MIB;
        Path source = writeRandomFile("scan.bin", size, 3);
        List<Long> reported = new CopyOnWriteArrayList<>();

        services.documents().upload(source, null, (done, total) -> reported.add(done));

        assertEquals(size, reported.get(reported.size() - 1));
        for (int i = 1; i < reported.size(); i++) {
            assertTrue(reported.get(i) >= reported.get(i - 1), "progress went back at report " + i);
        }
    }

    @Test
    void sourceRewrittenDuringUploadLeavesNothing() throws Exception {
        int size = 40 * MIB;
        Path source = writeRandomFile("scan.bin", size, 4);
        AtomicBoolean rewritten = new AtomicBoolean();

        // Same length, one byte near the end changed once the first part is on its way: only the
        // SHA-256 of the second pass can notice it, and the reader is at most a few parts ahead.
        SealDropException failure = assertThrows(SealDropException.class, () -> services.documents().upload(source,
                null, (done, total) -> {
                    if (done > 0 && rewritten.compareAndSet(false, true)) {
                        flipByte(source, size - 10);
                    }
                }));

        assertTrue(rewritten.get());
        assertEquals("SD-SOURCE-CHANGED", failure.errorCode());
        assertEquals(List.of(), services.documents().list());
        try (ObjectStore bucket = environment.bucket()) {
            assertEquals(List.of(), bucket.list(TestEnvironment.PREFIX + "objects/"));
        }
        assertNoMultipartUploadsLeft();
    }

    private ObjectInfo storedObject() {
        try (ObjectStore bucket = environment.bucket()) {
            List<ObjectInfo> objects = bucket.list(TestEnvironment.PREFIX + "objects/");
            assertEquals(1, objects.size());
            return objects.get(0);
        }
    }

    private void assertNoMultipartUploadsLeft() {
        assertEquals(List.of(), environment.multipartUploads(), "multipart uploads left in the bucket");
    }

    private Path writeRandomFile(String name, int size, long seed) throws IOException {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        return Files.write(temp.resolve(name), content);
    }

    private static void flipByte(Path file, long position) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer oneByte = ByteBuffer.allocate(1);
            channel.read(oneByte, position);
            oneByte.put(0, (byte) (oneByte.get(0) ^ 0x5a));
            oneByte.rewind();
            channel.write(oneByte, position);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
