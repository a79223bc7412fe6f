package org.sealdrop.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.config.Settings;
import org.sealdrop.config.SettingsFile;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.TestEnvironment;

/**
 * Locking through {@link LocalServices} against S3Proxy and the real receiver: the arrays of the
 * vault key versions are zeroed, the lock event carries its reason, and an upload that had already
 * wrapped its document key finishes after the lock.
 */
class LockAndWipeTest {

    @TempDir
    Path temp;

    private TestEnvironment environment;
    private LocalServices services;

    @BeforeEach
    void start() throws IOException {
        environment = TestEnvironment.start(temp.resolve("environment"));
        services = environment.services();
    }

    @AfterEach
    void stop() {
        environment.close();
    }

    @Test
    void lockZeroesKeysAndRecordsReason() {
        List<byte[]> keyArrays = VaultKeyArrays.liveArrays(services);
        assertFalse(keyArrays.isEmpty());
        assertFalse(VaultKeyArrays.allZero(keyArrays), "the vault keys are live before the lock");

        services.vault().lock(LockReason.IDLE);

        assertTrue(VaultKeyArrays.allZero(keyArrays), "every vault key version is zeroed");
        assertEquals(VaultState.LOCKED, services.vault().state());

        // A second lock, such as the Lock button after the idle timer, records nothing.
        services.vault().lock();
        List<JsonNode> locks = receivedLocks();
        assertEquals(1, locks.size());
        assertEquals("auto-lock", locks.get(0).path("reason").asText());
        assertEquals("success", locks.get(0).path("outcome").asText());
    }

    @Test
    void lockButtonRecordsNoReason() {
        services.vault().lock();

        List<JsonNode> locks = receivedLocks();
        assertEquals(1, locks.size());
        assertTrue(locks.get(0).path("reason").isMissingNode() || locks.get(0).path("reason").isNull(),
                locks.get(0).toString());
    }

    @Test
    void closingServicesZeroesKeys() {
        List<byte[]> keyArrays = VaultKeyArrays.liveArrays(services);

        services.close();

        assertTrue(VaultKeyArrays.allZero(keyArrays));
    }

    /**
     * An upload past its key wrap keeps running when the vault locks, because it only needs its own
     * document key from then on. The listener holds the upload at its first progress report, which
     * comes while the encrypted bytes go to S3, until the vault is locked.
     */
    @Test
    void runningUploadFinishesAfterLock() throws Exception {
        Path file = Files.copy(Corpus.pdf("pdflatex-4-pages.pdf"), temp.resolve("referral-during-lock.pdf"));
        List<byte[]> keyArrays = VaultKeyArrays.liveArrays(services);
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch locked = new CountDownLatch(1);
        TransferListener holdAtFirstReport = (done, total) -> {
            if (sending.getCount() > 0) {
                sending.countDown();
                awaitQuietly(locked);
            }
        };
        ExecutorService uploader = Executors.newSingleThreadExecutor();
        DocumentSummary uploaded;
        try {
            Future<DocumentSummary> upload = uploader.submit(() -> services.documents().upload(file, null, holdAtFirstReport));
            assertTrue(sending.await(60, TimeUnit.SECONDS), "the upload started sending");

            services.vault().lock(LockReason.IDLE);
            assertTrue(VaultKeyArrays.allZero(keyArrays), "the vault keys are zeroed while the upload runs");
            locked.countDown();

            uploaded = upload.get(60, TimeUnit.SECONDS);
        } finally {
            locked.countDown();
            uploader.shutdownNow();
        }

        services.vault().unlock(TestEnvironment.PASSPHRASE.toCharArray());
        try (OpenedDocument opened = services.documents().open(uploaded.id(), TransferListener.NONE)) {
            assertArrayEquals(Files.readAllBytes(file), opened.content());
            assertEquals("referral-during-lock.pdf", opened.summary().name());
        }
    }

    @Test
    void uploadAfterLockFailsAsLocked() throws IOException {
        Path file = Files.copy(Corpus.image("smile.png"), temp.resolve("photo-after-lock.png"));
        services.vault().lock(LockReason.IDLE);

        SealDropException e = assertThrows(SealDropException.class,
                () -> services.documents().upload(file, null, TransferListener.NONE));

        assertEquals("SD-VAULT-LOCKED", e.errorCode());
        assertTrue(services.flushAudit(Duration.ofSeconds(10)));
        assertTrue(environment.receivedEvents().stream().anyMatch(event -> event.get("action").asText().equals("upload")
                && event.get("outcome").asText().equals("failure")
                && event.get("reason").asText().equals("SD-VAULT-LOCKED")));
    }

    @Test
    void autoLockTimeDefaultsToTenMinutes() {
        assertEquals(Duration.ofMinutes(10), services.vault().autoLockAfter());

        try (LocalServices unconfigured = LocalServices.open(new HomeFolder(temp.resolve("empty-home")),
                environment.options())) {
            assertEquals(Duration.ofMinutes(10), unconfigured.vault().autoLockAfter());
        }
    }

    @Test
    void autoLockTimeReadFromSettingsFile() {
        HomeFolder home = new HomeFolder(temp.resolve("it-managed-home"));
        VaultSetup setup = environment.vaultSetup();
        Settings settings = new Settings(setup.endpoint(), setup.region(), setup.bucket(), setup.prefix(), true, null,
                setup.auditUrl(), setup.auditTokenFile(), 0, 0, 3);
        SettingsFile.write(home.settingsFile(), settings);

        try (LocalServices configured = LocalServices.open(home, environment.options())) {
            assertEquals(Duration.ofMinutes(3), configured.vault().autoLockAfter());
        }
    }

    private List<JsonNode> receivedLocks() {
        assertTrue(services.flushAudit(Duration.ofSeconds(10)), "audit events delivered");
        return environment.receivedEvents().stream().filter(event -> event.get("action").asText().equals("lock")).toList();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
