package org.sealdrop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;
import org.sealdrop.config.Settings;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.testsupport.FaultProxy;
import org.sealdrop.testsupport.SettingsCopies;
import org.sealdrop.testsupport.TestEnvironment;

/**
 * Cancelling uploads and exports through {@link LocalServices}, with S3Proxy behind a throttling
 * {@link FaultProxy} on 127.0.0.1 so that a cancel lands while parts are on their way: nothing stays in
 * the bucket, the index or the target folder, the audit event says {@code cancelled}, and the next
 * transfer on the same services works.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CancelTransferTest {

    private static final int MIB = 1024 * 1024;

    @TempDir
    Path temp;

    private TestEnvironment environment;
    private LocalServices services;
    private FaultProxy proxy;

    @BeforeEach
    void start() throws IOException {
        environment = TestEnvironment.start(temp.resolve("environment"));
        services = environment.services();
        proxy = FaultProxy.inFrontOf(environment.s3().endpoint(), Duration.ofSeconds(30));
        Settings current = services.settings().orElseThrow();
        services.reconfigure(SettingsCopies.of(current).endpoint(proxy.endpoint()).parts(5, 5).uploadParallelism(2).build());
    }

    @AfterEach
    void stop() throws IOException {
        environment.close();
        proxy.close();
    }

    @Test
    void cancelMidMultipartUploadLeavesNothing() throws Exception {
        Path source = writeRandomFile("scan.bin", 40 * MIB, 1);
        proxy.throttleRequestBodies(4 * MIB);
        CancellableListener listener = new CancellableListener();

        CompletableFuture<DocumentSummary> upload = CompletableFuture.supplyAsync(
                () -> services.documents().upload(source, null, listener));
        waitFor(() -> listener.done.get() >= 5L * MIB, "first part sent");
        listener.cancel();

        SealDropException failure = failureOf(upload);
        assertEquals("SD-CANCELLED", failure.errorCode());
        assertTrue(listener.done.get() < 40L * MIB, "stopped before the end");
        assertNothingStored();
        assertEquals(1, uploadEvents("failure", "cancelled"));

        proxy.throttleRequestBodies(0);
        DocumentSummary next = services.documents().upload(source, null, TransferListener.NONE);
        assertEquals(List.of(next.id()), services.documents().list().stream().map(DocumentSummary::id).toList());
    }

    /**
     * A cancel that the storage layer never sees, because it arrives after the single PutObject: the
     * listener reports it only to the uploading thread, which checks once more before the commit.
     */
    @Test
    void cancelAfterSinglePutDeletesObject() throws Exception {
        Path source = writeRandomFile("letter.bin", MIB, 2);
        Thread uploading = Thread.currentThread();
        TransferListener lateCancel = new TransferListener() {
            @Override
            public void progress(long bytesDone, long bytesTotal) {
            }

            @Override
            public boolean cancelRequested() {
                return Thread.currentThread() == uploading && listedObjects().size() == 1;
            }
        };

        SealDropException failure = assertThrows(SealDropException.class,
                () -> services.documents().upload(source, null, lateCancel));

        assertEquals("SD-CANCELLED", failure.errorCode());
        assertNothingStored();
        assertEquals(1, uploadEvents("failure", "cancelled"));
    }

    @Test
    void cancelledExportLeavesNoFile() throws Exception {
        Path source = writeRandomFile("scan.bin", 3 * MIB, 3);
        DocumentSummary uploaded = services.documents().upload(source, null, TransferListener.NONE);
        Path folder = Files.createDirectories(temp.resolve("exports"));
        Path target = folder.resolve("copy.bin");
        CancellableListener listener = new CancellableListener() {
            @Override
            public void progress(long bytesDone, long bytesTotal) {
                super.progress(bytesDone, bytesTotal);
                cancel();
            }
        };

        SealDropException failure = assertThrows(SealDropException.class,
                () -> services.documents().export(uploaded.id(), target, listener));

        assertEquals("SD-CANCELLED", failure.errorCode());
        assertFalse(Files.exists(target));
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(), left.toList(), "no temporary file left");
        }
        assertTrue(services.flushAudit(Duration.ofSeconds(10)));
        assertEquals(1, environment.receivedEvents().stream()
                .filter(event -> event.get("action").asText().equals("export"))
                .filter(event -> event.get("outcome").asText().equals("failure"))
                .filter(event -> event.get("reason").asText().equals("cancelled"))
                .count());
    }

    @Test
    void cancelledOpenRecordsNoOpen() throws Exception {
        Path source = writeRandomFile("scan.bin", 3 * MIB, 4);
        DocumentSummary uploaded = services.documents().upload(source, null, TransferListener.NONE);
        CancellableListener listener = new CancellableListener() {
            @Override
            public void progress(long bytesDone, long bytesTotal) {
                super.progress(bytesDone, bytesTotal);
                cancel();
            }
        };

        SealDropException failure = assertThrows(SealDropException.class,
                () -> services.documents().open(uploaded.id(), listener));

        assertEquals("SD-CANCELLED", failure.errorCode());
        assertTrue(listener.done.get() < 3L * MIB, "the download stopped before its end");
        assertEquals("uploaded", services.documents().list().get(0).status(), "the row stays as it was");
        assertTrue(services.flushAudit(Duration.ofSeconds(10)), "audit events delivered");
        assertEquals(0, events("open", "success"));
        assertEquals(1, environment.receivedEvents().stream()
                .filter(event -> event.get("action").asText().equals("open"))
                .filter(event -> event.get("reason").asText().equals("cancelled"))
                .count());
        assertEquals(0, events("integrity_failure", "failure"), "a cancel is no integrity failure");

        OpenedDocument again = services.documents().open(uploaded.id(), TransferListener.NONE);
        again.close();
    }

    @Test
    void cancelledCheckSkipsFile() throws Exception {
        Path first = writeRandomFile("first.bin", 3 * MIB, 5);
        Path second = writeRandomFile("second.bin", 3 * MIB, 5);
        Path third = writeRandomFile("third.bin", 1 * MIB, 6);
        CancellableListener cancelledBefore = new CancellableListener();
        cancelledBefore.cancel();
        // Cancels once the first buffer is read, so the read of the file stops there.
        CancellableListener cancelledDuring = new CancellableListener() {
            @Override
            public void progress(long bytesDone, long bytesTotal) {
                super.progress(bytesDone, bytesTotal);
                cancel();
            }
        };
        CancellableListener untouched = new CancellableListener();

        List<CheckedFile> checked = services.documents().checkContent(List.of(first, second, third),
                List.of(cancelledDuring, untouched, cancelledBefore));

        assertEquals(-1, checked.get(0).size(), "the cancelled read gives no snapshot");
        assertTrue(cancelledDuring.done.get() < 3L * MIB, "the read stopped before the end of the file");
        assertEquals(3L * MIB, checked.get(1).size());
        assertFalse(checked.get(1).isDuplicate(), "a cancelled file does not count as an earlier file");
        assertEquals(-1, checked.get(2).size());
        assertEquals(0, cancelledBefore.done.get(), "a file cancelled before its turn is not read");
    }

    @Test
    void cancelAfterReadCountsNoDuplicate() throws Exception {
        Path first = writeRandomFile("first.bin", 2 * MIB, 7);
        Path second = writeRandomFile("second.bin", 2 * MIB, 7);
        // Cancels on the last progress report, after the whole file was read.
        CancellableListener cancelledAtEnd = new CancellableListener() {
            @Override
            public void progress(long bytesDone, long bytesTotal) {
                super.progress(bytesDone, bytesTotal);
                if (bytesDone == bytesTotal) {
                    cancel();
                }
            }
        };

        List<CheckedFile> checked = services.documents().checkContent(List.of(first, second),
                List.of(cancelledAtEnd, new CancellableListener()));

        assertEquals(2L * MIB, cancelledAtEnd.done.get(), "the first file was read to its end");
        assertEquals(-1, checked.get(0).size());
        assertFalse(checked.get(1).isDuplicate(), checked.get(1).earlierFile().toString());
    }

    /** A listener whose cancel flag the test sets, as the window's cancel button does. */
    private static class CancellableListener implements TransferListener {

        final AtomicLong done = new AtomicLong();
        private volatile boolean cancelled;

        @Override
        public void progress(long bytesDone, long bytesTotal) {
            done.set(bytesDone);
        }

        @Override
        public boolean cancelRequested() {
            return cancelled;
        }

        void cancel() {
            cancelled = true;
        }
    }

    private void assertNothingStored() {
        assertEquals(List.of(), listedObjects(), "objects in the bucket");
        assertEquals(List.of(), services.documents().list(), "rows in the index");
        assertEquals(List.of(), environment.multipartUploads(), "multipart uploads left in the bucket");
    }

    private List<?> listedObjects() {
        try (ObjectStore bucket = environment.bucket()) {
            return bucket.list(TestEnvironment.PREFIX + "objects/");
        }
    }

    private long uploadEvents(String outcome, String reason) {
        assertTrue(services.flushAudit(Duration.ofSeconds(10)), "audit events delivered");
        List<JsonNode> events = environment.receivedEvents();
        return events.stream()
                .filter(event -> event.get("action").asText().equals("upload"))
                .filter(event -> event.get("outcome").asText().equals(outcome))
                .filter(event -> event.get("reason").asText().equals(reason))
                .count();
    }

    private static SealDropException failureOf(CompletableFuture<?> job) throws InterruptedException {
        try {
            job.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SealDropException failure) {
                return failure;
            }
            throw new AssertionError("failed with another exception", e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the cancelled job did not end", e);
        }
        throw new AssertionError("the job succeeded although it was cancelled");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    private long events(String action, String outcome) {
        return environment.receivedEvents().stream()
                .filter(event -> event.get("action").asText().equals(action))
                .filter(event -> event.get("outcome").asText().equals(outcome))
                .count();
    }

    private Path writeRandomFile(String name, int size, long seed) throws IOException {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        return Files.write(temp.resolve(name), content);
    }
}
