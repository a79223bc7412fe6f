package org.sealdrop.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sealdrop.testsupport.FaultProxy;
import org.sealdrop.testsupport.FaultProxy.Fault;
import org.sealdrop.testsupport.S3TestServer;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * Uploads through a {@link FaultProxy} in front of S3Proxy on 127.0.0.1 whose request bodies stall or
 * that the caller cancels. A stalled attempt is retried; an upload whose every attempt stalls, and a
 * cancelled upload, abort the multipart upload and leave no object.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UploadWatchTest {

    @RegisterExtension
    static final S3TestServer S3 = new S3TestServer();

    /** Larger than the loopback socket buffers, so a stalled part cannot be absorbed by them. */
    private static final int PART = 8 * 1024 * 1024;

    /** Longer than the socket timeout and the test, so only the watch can end a stalled body. */
    private static final Duration STALL = Duration.ofSeconds(90);

    /** A 1 s socket timeout (the stall limit) and an attempt timeout far above it. */
    private static final ConnectionSettings SHORT_SOCKET_TIMEOUT = new ConnectionSettings(Duration.ofSeconds(2),
            Duration.ofSeconds(1), 3, Duration.ofSeconds(50));

    @Test
    void stalledPartFailsWithTimeout() throws IOException {
        byte[] content = randomBytes(2 * PART + 1000, 11);
        try (FaultProxy proxy = FaultProxy.inFrontOf(S3.server().endpoint(), STALL);
                ObjectStore store = new ObjectStore(multipartSettings(proxy), S3.server().credentials(),
                        SHORT_SOCKET_TIMEOUT)) {
            String key = store.key("objects/stalled-part");
            proxy.inject(Fault.STALL_BODY, "^PUT .*partNumber=2", 1, Integer.MAX_VALUE);

            StorageException failure = assertThrows(StorageException.class,
                    () -> store.put(key, new ByteArrayInputStream(content), content.length, Map.of(), null));

            assertEquals("SD-S3-TIMEOUT", failure.errorCode());
            assertTrue(failure.getMessage().contains("accepted no bytes of the upload of part 2 of " + key),
                    failure.getMessage());
            assertTrue(failure.getMessage().contains("after 3 attempts"), failure.getMessage());
            assertEquals(3, proxy.faultsInjected(), "every attempt of part 2 stalled");
            assertEquals(List.of(), multipartUploads(store));
            assertTrue(store.head(key).isEmpty());
        }
    }

    @Test
    void stalledSinglePutFailsWithTimeout() throws IOException {
        byte[] content = randomBytes(PART, 12);
        try (FaultProxy proxy = FaultProxy.inFrontOf(S3.server().endpoint(), STALL);
                ObjectStore store = new ObjectStore(through(proxy, S3.freshSettings()), S3.server().credentials(),
                        SHORT_SOCKET_TIMEOUT)) {
            String key = store.key("objects/stalled-single");
            proxy.inject(Fault.STALL_BODY, "^PUT ", 1, Integer.MAX_VALUE);

            StorageException failure = assertThrows(StorageException.class,
                    () -> store.put(key, new ByteArrayInputStream(content), content.length, Map.of(), null));

            assertEquals("SD-S3-TIMEOUT", failure.errorCode());
            assertTrue(failure.getMessage().contains("accepted no bytes of the upload of " + key),
                    failure.getMessage());
            assertTrue(store.head(key).isEmpty());
        }
    }

    @Test
    void oneStalledAttemptIsRetried() throws IOException {
        byte[] content = randomBytes(2 * PART + 1000, 14);
        try (FaultProxy proxy = FaultProxy.inFrontOf(S3.server().endpoint(), STALL);
                ObjectStore store = new ObjectStore(multipartSettings(proxy), S3.server().credentials(),
                        SHORT_SOCKET_TIMEOUT)) {
            String key = store.key("objects/stalled-once");
            proxy.injectOnce(Fault.STALL_BODY, "^PUT .*partNumber=2");

            ObjectInfo stored = store.put(key, new ByteArrayInputStream(content), content.length, Map.of(), null);

            assertEquals(1, proxy.faultsInjected());
            assertEquals(content.length, stored.size());
        }
    }

    @Test
    void cancelAfterFirstPartAbortsUpload() throws IOException {
        byte[] content = randomBytes(3 * PART, 13);
        try (FaultProxy proxy = FaultProxy.inFrontOf(S3.server().endpoint(), STALL);
                ObjectStore store = new ObjectStore(multipartSettings(proxy), S3.server().credentials(),
                        SHORT_SOCKET_TIMEOUT)) {
            String key = store.key("objects/cancelled");
            // Slow enough that the upload is still running when the flag is seen, fast enough that no
            // part waits long for its next byte.
            proxy.throttleRequestBodies(4 * 1024 * 1024);
            AtomicBoolean cancel = new AtomicBoolean();
            AtomicLong sent = new AtomicLong();

            StorageException failure = assertThrows(StorageException.class,
                    () -> store.put(key, new ByteArrayInputStream(content), content.length, Map.of(), bytes -> {
                        sent.set(bytes);
                        if (bytes >= PART / 2) {
                            cancel.set(true);
                        }
                    }, MultipartJournal.NONE, cancel::get));

            assertEquals("SD-CANCELLED", failure.errorCode());
            assertTrue(sent.get() < content.length, "cancelled before every byte was sent");
            assertEquals(List.of(), multipartUploads(store));
            assertTrue(store.head(key).isEmpty());

            proxy.throttleRequestBodies(0);
            ObjectInfo next = store.put(key, new ByteArrayInputStream(content), content.length, Map.of(), null);
            assertEquals(content.length, next.size());
        }
    }

    private static List<MultipartUpload> multipartUploads(ObjectStore store) {
        return S3.rawClient().listMultipartUploads(
                list -> list.bucket(S3TestServer.BUCKET).prefix(store.settings().prefix())).uploads();
    }

    private static StorageSettings multipartSettings(FaultProxy proxy) {
        return through(proxy, S3.freshSettings().withMultipart(PART, PART).withParallelism(2));
    }

    private static StorageSettings through(FaultProxy proxy, StorageSettings settings) {
        return new StorageSettings(proxy.endpoint(), settings.region(), settings.bucket(), settings.prefix(),
                settings.pathStyle(), settings.checksumMode(), settings.multipartThreshold(), settings.partSize(),
                settings.parallelism());
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
