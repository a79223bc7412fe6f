package org.sealdrop.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.TestEnvironment;
import org.sealdrop.vault.InvalidRecoveryKeyException;
import org.sealdrop.vault.WrongPassphraseException;

/** Passphrase change and recovery with the recovery key, against S3Proxy and the real receiver. */
class PassphraseRecoveryTest {

    private static final String NEW_PASSPHRASE = "a brand new clinic passphrase";

    @TempDir
    Path temp;

    private TestEnvironment environment;
    private LocalServices services;
    private char[] recoveryKey;
    private List<UUID> documents;

    @BeforeEach
    void start() throws IOException {
        environment = TestEnvironment.start(temp);
        services = LocalServices.open(environment.home(), environment.options());
        try (SetUpResult result = services.vault().setUpVault(environment.vaultSetup(),
                TestEnvironment.PASSPHRASE.toCharArray(), true)) {
            assertTrue(result.created());
            recoveryKey = result.recoveryKey().clone();
        }
        documents = Corpus.filesIn("images").stream()
                .map(file -> services.documents().upload(file, null, TransferListener.NONE).id())
                .toList();
    }

    @AfterEach
    void stop() {
        services.close();
        environment.close();
    }

    @Test
    void recoveryKeyOnlyForNewVault() {
        assertEquals(77, recoveryKey.length);
        try (LocalServices joined = LocalServices.open(new HomeFolder(temp.resolve("joined")), environment.options());
                SetUpResult result = joined.vault().setUpVault(environment.vaultSetup(),
                        TestEnvironment.PASSPHRASE.toCharArray(), false)) {
            assertEquals(false, result.created());
            assertEquals(false, result.hasRecoveryKey());
        }
    }

    @Test
    void changedPassphraseReplacesTheOldOne() throws Exception {
        services.vault().changePassphrase(TestEnvironment.PASSPHRASE.toCharArray(), NEW_PASSPHRASE.toCharArray());
        services.vault().lock();

        assertThrows(WrongPassphraseException.class, () -> services.vault().unlock(TestEnvironment.PASSPHRASE.toCharArray()));
        services.vault().unlock(NEW_PASSPHRASE.toCharArray());
        assertDocumentsOpen(services);
        assertTrue(services.flushAudit(Duration.ofSeconds(10)));
        assertTrue(hasEvent("change_passphrase", "success"));
    }

    @Test
    void otherComputerTakesNewPassphrase() throws Exception {
        try (LocalServices second = LocalServices.open(new HomeFolder(temp.resolve("second")), environment.options())) {
            second.vault().setUp(environment.vaultSetup(), TestEnvironment.PASSPHRASE.toCharArray(), false);
            second.vault().lock();

            services.vault().changePassphrase(TestEnvironment.PASSPHRASE.toCharArray(), NEW_PASSPHRASE.toCharArray());
            second.vault().unlock(NEW_PASSPHRASE.toCharArray());

            assertEquals(VaultState.UNLOCKED, second.vault().state());
            second.vault().lock();
            assertThrows(WrongPassphraseException.class, () -> second.vault().unlock(TestEnvironment.PASSPHRASE.toCharArray()));
        }
    }

    @Test
    void wrongCurrentPassphraseLeavesBothKeyFilesUntouched() throws Exception {
        byte[] local = Files.readAllBytes(environment.home().keyFile());
        byte[] bucket = bucketKeyFile();

        assertThrows(WrongPassphraseException.class,
                () -> services.vault().changePassphrase("not the passphrase at all".toCharArray(), NEW_PASSPHRASE.toCharArray()));
        services.vault().lock();
        assertThrows(WrongPassphraseException.class, () -> services.vault().unlock("not the passphrase at all".toCharArray()));

        assertArrayEquals(local, Files.readAllBytes(environment.home().keyFile()));
        assertArrayEquals(bucket, bucketKeyFile());
        try (var files = Files.list(environment.home().root())) {
            assertEquals(List.of(), files.filter(file -> file.getFileName().toString().endsWith(".tmp")).toList());
        }
    }

    @Test
    void recoveryKeyReplacesLostPassphrase() throws Exception {
        services.vault().lock();

        services.vault().recover(recoveryKey.clone(), NEW_PASSPHRASE.toCharArray());
        assertDocumentsOpen(services);
        services.vault().lock();

        assertThrows(WrongPassphraseException.class, () -> services.vault().unlock(TestEnvironment.PASSPHRASE.toCharArray()));
        services.vault().unlock(NEW_PASSPHRASE.toCharArray());
        assertDocumentsOpen(services);
        assertTrue(services.flushAudit(Duration.ofSeconds(10)));
        assertTrue(hasEvent("recover", "success"));
    }

    @Test
    void recoveryKeyTypoIsCaughtBeforeAnythingChanges() throws Exception {
        byte[] bucket = bucketKeyFile();
        char[] typo = recoveryKey.clone();
        typo[13] = typo[13] == '7' ? '8' : '7';

        InvalidRecoveryKeyException e = assertThrows(InvalidRecoveryKeyException.class,
                () -> services.vault().recover(typo, NEW_PASSPHRASE.toCharArray()));

        assertEquals("Group 3 of the recovery key has a typo (its check character does not match);"
                + " compare that group with the printout.", e.getMessage());
        assertArrayEquals(bucket, bucketKeyFile());
        assertTrue(services.flushAudit(Duration.ofSeconds(10)));
        assertTrue(hasEvent("recover", "failure"));
    }

    @Test
    void recoveryKeyOfAnotherVaultIsRejected() throws Exception {
        char[] otherKey;
        try (TestEnvironment other = TestEnvironment.start(temp.resolve("other"));
                LocalServices otherServices = LocalServices.open(other.home(), other.options());
                SetUpResult result = otherServices.vault().setUpVault(other.vaultSetup(),
                        TestEnvironment.PASSPHRASE.toCharArray(), true)) {
            otherKey = result.recoveryKey().clone();
        }

        SealDropException e = assertThrows(SealDropException.class,
                () -> services.vault().recover(otherKey, NEW_PASSPHRASE.toCharArray()));
        assertEquals("SD-WRONG-RECOVERY-KEY", e.errorCode());
    }

    @Test
    void newRecoveryKeyReplacesTheOldOne() {
        char[] replacement = services.vault().replaceRecoveryKey(TestEnvironment.PASSPHRASE.toCharArray());

        SealDropException e = assertThrows(SealDropException.class,
                () -> services.vault().recover(recoveryKey.clone(), NEW_PASSPHRASE.toCharArray()));
        assertEquals("SD-WRONG-RECOVERY-KEY", e.errorCode());
        services.vault().recover(replacement, NEW_PASSPHRASE.toCharArray());
        assertEquals(VaultState.UNLOCKED, services.vault().state());
    }

    @Test
    void secretsAreWipedAfterUse() {
        char[] current = TestEnvironment.PASSPHRASE.toCharArray();
        char[] next = NEW_PASSPHRASE.toCharArray();
        services.vault().changePassphrase(current, next);
        assertArrayEquals(new char[current.length], current);
        assertArrayEquals(new char[next.length], next);

        char[] key = recoveryKey.clone();
        char[] again = TestEnvironment.PASSPHRASE.toCharArray();
        services.vault().recover(key, again);
        assertArrayEquals(new char[key.length], key);
        assertArrayEquals(new char[again.length], again);
    }

    private void assertDocumentsOpen(LocalServices computer) throws Exception {
        List<Path> sources = Corpus.filesIn("images");
        for (int i = 0; i < documents.size(); i++) {
            try (OpenedDocument opened = computer.documents().open(documents.get(i), TransferListener.NONE)) {
                assertArrayEquals(Files.readAllBytes(sources.get(i)), opened.content());
            }
        }
    }

    private boolean hasEvent(String action, String outcome) {
        return environment.receivedEvents().stream().anyMatch(event -> action.equals(event.path("action").asText())
                && outcome.equals(event.path("outcome").asText()));
    }

    private byte[] bucketKeyFile() {
        try (ObjectStore bucket = environment.bucket()) {
            return bucket.getSmall(TestEnvironment.PREFIX + "vault/keyfile.json").orElseThrow();
        }
    }
}
