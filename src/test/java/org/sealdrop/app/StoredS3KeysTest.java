package org.sealdrop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.testsupport.CliRun;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.TestEnvironment;
import org.sealdrop.vault.KeyFileStore;
import org.sealdrop.vault.KeyRotation;
import org.sealdrop.vault.WrongPassphraseException;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * S3 keys typed in the first-run wizard, stored sealed under the vault key, used at the next start
 * after unlock, against the real S3Proxy of a {@link TestEnvironment}. The services under test get no
 * credentials in their options, and the AWS profile files point at missing files, so every S3 request
 * either uses the stored keys or fails with {@code SD-S3-NO-CREDENTIALS}.
 */
class StoredS3KeysTest {

    private static final List<String> PROFILE_PROPERTIES = List.of("aws.sharedCredentialsFile", "aws.configFile");

    @TempDir
    Path root;

    private TestEnvironment environment;
    private HomeFolder home;
    private AwsCredentials right;

    @BeforeEach
    void start() throws IOException {
        assertNull(System.getProperty("aws.accessKeyId"), "no credentials in the system properties");
        for (String property : PROFILE_PROPERTIES) {
            System.setProperty(property, root.resolve("no-profile").toString());
        }
        environment = TestEnvironment.start(root.resolve("environment"));
        home = new HomeFolder(root.resolve("wizard-home"));
        right = environment.s3().credentials().resolveCredentials();
        try (LocalServices wizard = openWithoutCredentials();
                SetupCredentials typed = new SetupCredentials(right.accessKeyId(),
                        right.secretAccessKey().toCharArray(), new char[0]);
                SetUpResult result = wizard.vault().setUpVault(environment.vaultSetup(), typed,
                        TestEnvironment.PASSPHRASE.toCharArray(), true)) {
            assertTrue(result.created());
        }
    }

    @AfterEach
    void stop() {
        environment.close();
        for (String property : PROFILE_PROPERTIES) {
            System.clearProperty(property);
        }
    }

    @Test
    void freshStartUsesStoredKeys() {
        try (LocalServices services = openWithoutCredentials()) {
            services.vault().unlock(TestEnvironment.PASSPHRASE.toCharArray());

            services.documents().upload(Corpus.pdf("minimal-document.pdf"), "MRN 4711", TransferListener.NONE);

            assertEquals(1, services.documents().list().size());
            assertEquals(0, services.abortOrphanUploads(Duration.ZERO).size());
        }
    }

    @Test
    void fileHoldsNoClearKeys() throws IOException {
        Path file = home.root().resolve(StoredS3Keys.FILE_NAME);
        String content = Files.readString(file);

        assertFalse(content.contains(right.accessKeyId()), content);
        assertFalse(content.contains(right.secretAccessKey()), content);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String settings = Files.readString(home.settingsFile());
        assertFalse(settings.contains(right.accessKeyId()), settings);
    }

    @Test
    void lockedVaultDoesNotUseKeys() {
        try (LocalServices services = openWithoutCredentials()) {
            assertEquals("SD-S3-NO-CREDENTIALS", orphanCheckFailure(services), "before the unlock");

            services.vault().unlock(TestEnvironment.PASSPHRASE.toCharArray());
            services.abortOrphanUploads(Duration.ZERO);
            services.vault().lock();

            assertNull(services.unlockedS3Keys());
            assertEquals("SD-S3-NO-CREDENTIALS", orphanCheckFailure(services), "after the lock");
        }
    }

    @Test
    void lockStopsKeysInWizardProcess() {
        try (LocalServices wizard = LocalServices.open(new HomeFolder(root.resolve("second-home")),
                ServiceOptions.defaults().withArgon2(TestEnvironment.TEST_ARGON2));
                SetupCredentials typed = new SetupCredentials(right.accessKeyId(),
                        right.secretAccessKey().toCharArray(), new char[0])) {
            wizard.vault().setUpVault(environment.vaultSetup(), typed, TestEnvironment.PASSPHRASE.toCharArray(), false)
                    .close();
            wizard.abortOrphanUploads(Duration.ZERO);

            wizard.vault().lock();

            assertEquals("SD-S3-NO-CREDENTIALS", orphanCheckFailure(wizard));
        }
    }

    @Test
    void wrongPassphraseDecryptsNothing() {
        try (LocalServices services = openWithoutCredentials()) {
            assertThrows(WrongPassphraseException.class,
                    () -> services.vault().unlock("wrong passphrase".toCharArray()));

            assertNull(services.unlockedS3Keys());
            assertEquals("SD-S3-NO-CREDENTIALS", orphanCheckFailure(services));
        }
    }

    @Test
    void alteredFileIsIgnoredAtUnlock() throws IOException {
        Path file = home.root().resolve(StoredS3Keys.FILE_NAME);
        String content = Files.readString(file);
        int sealedStart = content.indexOf("\"sealed\":\"") + 10;
        char flipped = content.charAt(sealedStart) == 'A' ? 'B' : 'A';
        Files.writeString(file, content.substring(0, sealedStart) + flipped + content.substring(sealedStart + 1));

        try (LocalServices services = openWithoutCredentials()) {
            services.vault().unlock(TestEnvironment.PASSPHRASE.toCharArray());

            assertEquals(VaultState.UNLOCKED, services.vault().state());
            assertNull(services.unlockedS3Keys());
            assertEquals("SD-S3-NO-CREDENTIALS", orphanCheckFailure(services));
        }
    }

    @Test
    void keysSurviveRotationAndRetirement() throws IOException {
        try (LocalServices services = openWithoutCredentials()) {
            services.vault().unlock(TestEnvironment.PASSPHRASE.toCharArray());
            services.documents().upload(Corpus.pdf("minimal-document.pdf"), "MRN 4711", TransferListener.NONE);

            services.vault().rotate(TestEnvironment.PASSPHRASE.toCharArray(), KeyRotation.Progress.NONE);
            services.vault().unlock(TestEnvironment.PASSPHRASE.toCharArray());
            services.vault().retireKeyVersion(TestEnvironment.PASSPHRASE.toCharArray(), 1, KeyRotation.Progress.NONE);
        }
        String content = Files.readString(home.root().resolve(StoredS3Keys.FILE_NAME));
        assertTrue(content.contains("\"keyVersion\":2"), content);

        try (LocalServices services = openWithoutCredentials()) {
            services.vault().unlock(TestEnvironment.PASSPHRASE.toCharArray());
            services.documents().upload(Corpus.image("smile.jpg"), "MRN 4711", TransferListener.NONE);

            assertEquals(2, services.documents().list().size());
        }
    }

    @Test
    void retirementElsewhereResealsKeys() throws IOException {
        LocalServices other = environment.services();
        other.vault().rotate(TestEnvironment.PASSPHRASE.toCharArray(), KeyRotation.Progress.NONE);
        other.vault().unlock(TestEnvironment.PASSPHRASE.toCharArray());
        other.vault().retireKeyVersion(TestEnvironment.PASSPHRASE.toCharArray(), 1, KeyRotation.Progress.NONE);

        try (LocalServices services = openWithoutCredentials()) {
            services.vault().unlock(TestEnvironment.PASSPHRASE.toCharArray());
            services.documents().upload(Corpus.pdf("minimal-document.pdf"), "MRN 4711", TransferListener.NONE);

            assertEquals(1, services.documents().list().size());
        }
        String content = Files.readString(home.root().resolve(StoredS3Keys.FILE_NAME));
        assertTrue(content.contains("\"keyVersion\":2"), content);
        assertFalse(KeyFileStore.read(home.keyFile()).orElseThrow().hasVersion(1), "the bucket's key file was taken");
    }

    @Test
    void commandLineUsesStoredKeys() {
        String passphraseFile = environment.passphraseFile().toString();

        CliRun upload = CliRun.inHome(home, "upload", Corpus.pdf("minimal-document.pdf").toString(),
                "--passphrase-file", passphraseFile);
        CliRun rotate = CliRun.inHome(home, "vault", "rotate", "--passphrase-file", passphraseFile);
        CliRun list = CliRun.inHome(home, "list", "--passphrase-file", passphraseFile);

        assertEquals(0, upload.exitCode(), upload.toString());
        assertEquals(0, rotate.exitCode(), rotate.toString());
        assertEquals(0, list.exitCode(), list.toString());
        assertTrue(list.out().contains("minimal-document.pdf"), list.toString());
    }

    @Test
    void forgetCommandDeletesFile() {
        Path file = home.root().resolve(StoredS3Keys.FILE_NAME);
        assertTrue(Files.exists(file));

        CliRun forget = CliRun.inHome(home, "vault", "forget-s3-keys");

        assertEquals(0, forget.exitCode(), forget.toString());
        assertFalse(Files.exists(file));
        assertTrue(forget.out().contains("deleted"), forget.toString());
        try (LocalServices services = openWithoutCredentials()) {
            services.vault().unlock(TestEnvironment.PASSPHRASE.toCharArray());
            assertEquals("SD-S3-NO-CREDENTIALS", orphanCheckFailure(services));
        }
    }

    private LocalServices openWithoutCredentials() {
        return LocalServices.open(home, ServiceOptions.defaults().withArgon2(TestEnvironment.TEST_ARGON2));
    }

    private static String orphanCheckFailure(LocalServices services) {
        return assertThrows(SealDropException.class, () -> services.abortOrphanUploads(Duration.ZERO)).errorCode();
    }
}
