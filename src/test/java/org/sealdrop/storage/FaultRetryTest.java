package org.sealdrop.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealdrop.testsupport.FaultProxy;
import org.sealdrop.testsupport.FaultProxy.Fault;
import org.sealdrop.testsupport.S3TestServer;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * Uploads and downloads through a {@link FaultProxy} in front of S3Proxy on 127.0.0.1: every fault is
 * retried with the same bytes, the last failed retry aborts the multipart upload, and a stalled
 * download fails with {@code SD-S3-TIMEOUT} instead of hanging.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FaultRetryTest {

    @RegisterExtension
    static final S3TestServer S3 = new S3TestServer();

    private static final int PART = (int) StorageSettings.MIN_PART_SIZE;

    /** Stall time of the relay: longer than the socket timeout, so only the client's timeouts end a stall. */
    private static final Duration STALL = Duration.ofSeconds(4);

    /** Returns settings whose 1 s socket timeout (the download watchdog) and 3 s attempt timeout keep stalls short. */
    private static ConnectionSettings impatient(int attempts) {
        return new ConnectionSettings(Duration.ofSeconds(2), Duration.ofSeconds(1), attempts, Duration.ofSeconds(3));
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static StorageSettings multipartSettings(FaultProxy proxy) {
        return through(proxy, S3.freshSettings().withMultipart(PART, PART).withParallelism(2));
    }

    /** Returns {@code settings} with the relay as endpoint. */
    private static StorageSettings through(FaultProxy proxy, StorageSettings settings) {
        return new StorageSettings(proxy.endpoint(), settings.region(), settings.bucket(), settings.prefix(),
                settings.pathStyle(), settings.checksumMode(), settings.multipartThreshold(), settings.partSize(),
                settings.parallelism());
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"INTERNAL_ERROR", "SLOW_DOWN", "RESET", "STALL"})
    void singlePutSurvivesOneFault(Fault fault) throws IOException {
        byte[] content = randomBytes(300_000, 1);
        try (FaultProxy proxy = FaultProxy.inFrontOf(S3.server().endpoint(), STALL);
                ObjectStore store = new ObjectStore(through(proxy, S3.freshSettings()),
                        S3.server().credentials(), impatient(3))) {
            String key = store.key("objects/single");
            proxy.injectOnce(fault, "^PUT ");

            ObjectInfo stored = store.put(key, new ByteArrayInputStream(content), content.length, Map.of(), null);

            assertEquals(1, proxy.faultsInjected());
            assertEquals(content.length, stored.size());
            assertArrayEquals(content, readAll(store, key));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"INTERNAL_ERROR", "SLOW_DOWN", "RESET", "STALL"})
    void multipartSurvivesOneFaultInPart(Fault fault) throws IOException {
        byte[] content = randomBytes(2 * PART + 1000, 2);
        try (FaultProxy proxy = FaultProxy.inFrontOf(S3.server().endpoint(), STALL);
                ObjectStore store = new ObjectStore(multipartSettings(proxy), S3.server().credentials(),
                        impatient(3))) {
            String key = store.key("objects/multipart");
            proxy.injectOnce(fault, "^PUT .*partNumber=2");
            AtomicLong parts = new AtomicLong();
            store.observeParts(size -> parts.incrementAndGet());

            ObjectInfo stored = store.put(key, new ByteArrayInputStream(content), content.length, Map.of(), null);

            assertEquals(1, proxy.faultsInjected());
            assertEquals(3, parts.get());
            assertTrue(stored.eTag().endsWith("-3"), stored.eTag());
            assertArrayEquals(content, readAll(store, key));
        }
    }

    /** Checks that a reset is retried on each other request of an upload and download: Create, Complete, HEAD and GET. */
    @ParameterizedTest
    @ValueSource(strings = {"^POST .*\\?uploads", "^POST .*uploadId=", "^HEAD ", "^GET "})
    void otherRequestsSurviveReset(String requestLine) throws IOException {
        byte[] content = randomBytes(PART + 1000, 3);
        try (FaultProxy proxy = FaultProxy.inFrontOf(S3.server().endpoint(), STALL);
                ObjectStore store = new ObjectStore(multipartSettings(proxy), S3.server().credentials(),
                        impatient(3))) {
            String key = store.key("objects/others");
            proxy.injectOnce(Fault.RESET, requestLine);

            store.put(key, new ByteArrayInputStream(content), content.length, Map.of(), null);
            byte[] downloaded = readAll(store, key);

            assertEquals(1, proxy.faultsInjected());
            assertArrayEquals(content, downloaded);
        }
    }

    @Test
    void lastFailedRetryAbortsMultipartUpload() throws IOException {
        byte[] content = randomBytes(2 * PART + 1000, 4);
        try (FaultProxy proxy = FaultProxy.inFrontOf(S3.server().endpoint(), STALL);
                ObjectStore store = new ObjectStore(multipartSettings(proxy), S3.server().credentials(),
                        impatient(3))) {
            String key = store.key("objects/failing");
            proxy.inject(Fault.INTERNAL_ERROR, "^PUT .*partNumber=2", 1, Integer.MAX_VALUE);

            StorageException failure = assertThrows(StorageException.class,
                    () -> store.put(key, new ByteArrayInputStream(content), content.length, Map.of(), null));

            assertEquals("SD-S3-FAILED", failure.errorCode());
            assertEquals(3, proxy.faultsInjected());
            assertTrue(failure.getMessage().contains(key), failure.getMessage());
            assertTrue(failure.getMessage().contains("upload of part 2"), failure.getMessage());
            assertTrue(failure.getMessage().contains("status 500"), failure.getMessage());
            assertTrue(failure.getMessage().contains("after 3 attempts"), failure.getMessage());
            assertTrue(failure.getMessage().contains("try again later"), failure.getMessage());
            // Listed on S3Proxy directly, because the relay still fails part 2.
            List<MultipartUpload> left = S3.rawClient().listMultipartUploads(
                    list -> list.bucket(S3TestServer.BUCKET).prefix(store.settings().prefix())).uploads();
            assertEquals(List.of(), left);
            assertTrue(store.head(key).isEmpty());
        }
    }

    @Test
    void lastResetNamesBrokenConnection() throws IOException {
        byte[] content = randomBytes(300_000, 7);
        try (FaultProxy proxy = FaultProxy.inFrontOf(S3.server().endpoint(), STALL);
                ObjectStore store = new ObjectStore(through(proxy, S3.freshSettings()), S3.server().credentials(),
                        impatient(2))) {
            String key = store.key("objects/reset");
            proxy.inject(Fault.RESET, "^PUT ", 1, Integer.MAX_VALUE);

            StorageException failure = assertThrows(StorageException.class,
                    () -> store.put(key, new ByteArrayInputStream(content), content.length, Map.of(), null));

            assertEquals("SD-S3-FAILED", failure.errorCode());
            assertEquals(2, proxy.faultsInjected());
            assertTrue(failure.getMessage().contains("connection"), failure.getMessage());
            assertTrue(failure.getMessage().contains("broke during the upload of " + key), failure.getMessage());
            assertTrue(failure.getMessage().contains("after 2 attempts"), failure.getMessage());
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void stalledRangedDownloadFailsWithTimeout() throws IOException {
        byte[] content = randomBytes(2_000_000, 8);
        try (FaultProxy proxy = FaultProxy.inFrontOf(S3.server().endpoint(), Duration.ofSeconds(10));
                ObjectStore store = new ObjectStore(through(proxy, S3.freshSettings()), S3.server().credentials(),
                        impatient(3))) {
            String key = store.key("objects/stalled-range");
            store.put(key, new ByteArrayInputStream(content), content.length, Map.of(), null);
            proxy.injectOnce(Fault.STALL_RESPONSE, "^GET ");

            try (InputStream in = store.getRange(key, 100, 1_999_999)) {
                StorageException failure = assertThrows(StorageException.class, in::readAllBytes);

                assertEquals("SD-S3-TIMEOUT", failure.errorCode());
            }
            assertEquals(1, proxy.faultsInjected());
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void stalledDownloadFailsWithTimeout() throws IOException {
        byte[] content = randomBytes(2_000_000, 5);
        try (FaultProxy proxy = FaultProxy.inFrontOf(S3.server().endpoint(), Duration.ofSeconds(10));
                ObjectStore store = new ObjectStore(through(proxy, S3.freshSettings()),
                        S3.server().credentials(), impatient(3))) {
            String key = store.key("objects/stalled");
            store.put(key, new ByteArrayInputStream(content), content.length, Map.of(), null);
            proxy.injectOnce(Fault.STALL_RESPONSE, "^GET ");

            try (InputStream in = store.get(key)) {
                StorageException failure = assertThrows(StorageException.class, in::readAllBytes);

                assertEquals("SD-S3-TIMEOUT", failure.errorCode());
                assertTrue(failure.getMessage().contains(key), failure.getMessage());
            }
            assertEquals(1, proxy.faultsInjected());
        }
    }

    /** Checks that the attempt timeout ends with the response head, so a slow reader keeps its stream. */
    @Test
    void slowReaderOutlivesAttemptTimeout() throws IOException, InterruptedException {
        byte[] content = randomBytes(2_000_000, 6);
        try (ObjectStore store = new ObjectStore(S3.freshSettings(), S3.server().credentials(), impatient(1))) {
            String key = store.key("objects/slow-reader");
            store.put(key, new ByteArrayInputStream(content), content.length, Map.of(), null);

            byte[] downloaded;
            try (InputStream in = store.get(key)) {
                byte[] start = in.readNBytes(1000);
                Thread.sleep(4000);
                byte[] rest = in.readAllBytes();
                downloaded = new byte[start.length + rest.length];
                System.arraycopy(start, 0, downloaded, 0, start.length);
                System.arraycopy(rest, 0, downloaded, start.length, rest.length);
            }

            assertArrayEquals(content, downloaded);
        }
    }

    @Test
    void connectionDefaultsRetryFiveTimes() {
        ConnectionSettings defaults = ConnectionSettings.defaults();

        assertEquals(5, defaults.maxAttempts());
        assertEquals(Duration.ofSeconds(60), defaults.socketTimeout());
        assertEquals(Duration.ofMinutes(10), defaults.attemptTimeout());
    }

    @Test
    void zeroAttemptTimeoutIsRejected() {
        StorageException failure = assertThrows(StorageException.class,
                () -> new ConnectionSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 3, Duration.ZERO));

        assertEquals("SD-S3-INVALID-SETTING", failure.errorCode());
        assertTrue(failure.getMessage().contains("attempt timeout"), failure.getMessage());
    }

    private static byte[] readAll(ObjectStore store, String key) throws IOException {
        try (InputStream in = store.get(key)) {
            return in.readAllBytes();
        }
    }
}
