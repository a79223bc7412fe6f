package org.sealdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealdrop.SealDropException;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.ServiceOptions;
import org.sealdrop.app.SetupCredentials;
import org.sealdrop.app.VaultSetup;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.config.ManagedSettings;
import org.sealdrop.config.SettingProblem;
import org.sealdrop.config.SettingRules;
import org.sealdrop.config.Settings;
import org.sealdrop.config.SettingsFile;
import org.sealdrop.storage.StorageSettings;
import org.sealdrop.testsupport.CliRun;
import org.sealdrop.testsupport.RemoteConnectionGuard;
import org.sealdrop.testsupport.SettingsCopies;
import org.sealdrop.testsupport.TestEnvironment;
import org.sealdrop.ui.settings.SettingsViewModel;
import org.sealdrop.ui.vault.SetupWizard;

/**
 * Every way an S3 endpoint or audit URL enters SealDrop rejects plain HTTP to another computer before
 * any connection: {@code sealdrop init}, settings.json read by a command and by {@code doctor}, the
 * managed settings file, the Settings window's fields, the first-run wizard's fields and its "Test
 * connection" and "Test audit endpoint". A {@link RemoteConnectionGuard} stops and records any name
 * lookup or connection to a host that is not loopback, so none of the refused hosts is ever reached.
 *
 * <p>{@code sealdrop demo} has no endpoint option: it always uses its own S3 server on 127.0.0.1.
 */
class EndpointRefusalTest {

    /** The loopback URL used for the other setting of a case. Nothing listens on port 1. */
    private static final String CLOSED_LOOPBACK = "http://127.0.0.1:1";

    private static RemoteConnectionGuard guard;
    private static HomeFolder vaultHome;

    @TempDir
    static Path shared;

    @TempDir
    Path temp;

    /** Makes a home folder with a real vault, whose settings.json each case then breaks in a copy. */
    @BeforeAll
    static void createVaultAndGuardNetwork() throws Exception {
        try (TestEnvironment environment = TestEnvironment.start(shared)) {
            environment.services();
            vaultHome = environment.home();
        }
        // With credentials at hand the S3 client would send its request, so a missing refusal shows up as
        // an attempt at the guard instead of a "no credentials" failure.
        System.setProperty("aws.accessKeyId", "SDREFUSALTEST");
        System.setProperty("aws.secretAccessKey", "refusal-test-secret-not-used-anywhere");
        guard = RemoteConnectionGuard.install();
    }

    @AfterAll
    static void removeGuard() {
        guard.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @AfterEach
    void nothingLeftTheComputer() {
        List<String> attempts = guard.attempts();
        guard.clear();
        assertEquals(List.of(), attempts, "tried to reach a host that is not loopback");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://s3.example.org", "http://10.1.2.3:9000", "http://[::ffff:7f00:1]:9000",
        "http://[::ffff:127.0.0.1]", "http://localhost.example.org", "HTTP://s3.example.org",
        "http://127.0.0.1@evil.example", "http://0x7f000001", "http://2130706433", "http://127.1",
        "http://0.0.0.0:9000", "hTtP://[::2]"})
    void rejectedEverywhereBeforeAnyConnection(String url) throws Exception {
        assertInitRejects(url, "--endpoint", url, "--audit-url", CLOSED_LOOPBACK);
        assertInitRejects(url, "--endpoint", CLOSED_LOOPBACK, "--audit-url", url);

        assertCommandRejects(url, settingsWith(url, CLOSED_LOOPBACK), "list");
        assertDoctorRejects(url, settingsWith(url, CLOSED_LOOPBACK), "endpoint");
        assertDoctorRejects(url, settingsWith(CLOSED_LOOPBACK, url), "audit receiver");

        assertManagedFileRejects(url, "endpoint");
        assertManagedFileRejects(url, "auditUrl");

        assertSettingsFieldRejects(url, "endpoint");
        assertSettingsFieldRejects(url, "auditUrl");

        assertWizardFieldsReject(url);
        assertWizardTestsReject(url);

        SealDropException storage = assertThrows(SealDropException.class,
                () -> StorageSettings.defaults(URI.create(url), "us-east-1", "bucket", ""));
        assertNamesValueAndHttps(url, storage.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9000", "http://localhost:9000", "http://[::1]:9000",
        "http://LOCALHOST", "https://s3.example.org", "HTTPS://10.1.2.3:9443"})
    void acceptedWhereNothingConnects(String url) throws Exception {
        for (String key : List.of("endpoint", "auditUrl")) {
            assertEquals(java.util.Optional.empty(), SettingRules.problem(key, TextNode.valueOf(url)), key);

            SettingsViewModel model = new SettingsViewModel(baseSettings(), ManagedSettings.none(temp.resolve("no-managed.json")));
            model.setText(key, url);
            assertEquals(java.util.Optional.empty(), model.problem(key), key);
        }

        SetupWizard wizard = wizardWith(url);
        assertFalse(wizard.validateStorage(SetupWizard.Typed.NOTHING).containsKey(SetupWizard.Field.ENDPOINT));
        assertFalse(wizard.validateAudit(SetupWizard.Typed.NOTHING).containsKey(SetupWizard.Field.AUDIT_URL));

        Path managed = temp.resolve("managed.json");
        Files.writeString(managed, "{\"endpoint\": \"" + url + "\", \"auditUrl\": \"" + url + "\"}");
        assertEquals(2, ManagedSettings.read(managed).keys().size());
    }

    private void assertInitRejects(String url, String... urlArgs) throws Exception {
        HomeFolder home = new HomeFolder(Files.createTempDirectory(temp, "init"));
        Path passphrase = Files.writeString(temp.resolve("passphrase.txt"), "correct horse battery staple\n");
        List<String> args = new java.util.ArrayList<>(List.of("init", "--bucket", "sealdrop-test",
                "--audit-token-file", tokenFile().toString(), "--passphrase-file", passphrase.toString()));
        args.addAll(List.of(urlArgs));

        CliRun run = CliRun.inHome(home, args.toArray(String[]::new));

        assertNotEquals(0, run.exitCode(), run::toString);
        assertNamesValueAndHttps(url, run.err());
        assertFalse(Files.exists(home.settingsFile()), "init wrote no settings.json");
    }

    private void assertCommandRejects(String url, HomeFolder home, String command) throws Exception {
        Path passphrase = Files.writeString(temp.resolve("vault-passphrase.txt"), TestEnvironment.PASSPHRASE + "\n");
        CliRun run = CliRun.inHome(home, command, "--passphrase-file", passphrase.toString());

        assertNotEquals(0, run.exitCode(), run::toString);
        assertTrue(run.err().contains("SD-INSECURE-URL") || run.err().contains("SD-INVALID-URL"), run::toString);
        assertNamesValueAndHttps(url, run.err());
    }

    private void assertDoctorRejects(String url, HomeFolder home, String check) {
        CliRun run = CliRun.inHome(home, "doctor");

        assertEquals(1, run.exitCode(), run::toString);
        String line = run.out().lines().filter(text -> text.contains(check) && text.contains("FAIL")).findFirst()
                .orElseThrow(() -> new AssertionError("no failed " + check + " check:\n" + run));
        assertNamesValueAndHttps(url, line + "\n" + run.out());
    }

    private void assertManagedFileRejects(String url, String key) throws Exception {
        Path managed = temp.resolve("managed.json");
        Files.writeString(managed, "{\"" + key + "\": \"" + url + "\"}", StandardCharsets.UTF_8);

        SealDropException e = assertThrows(SealDropException.class, () -> ManagedSettings.read(managed));

        assertEquals(ManagedSettings.INVALID, e.errorCode());
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }

    private void assertSettingsFieldRejects(String url, String key) {
        SettingsViewModel model = new SettingsViewModel(baseSettings(), ManagedSettings.none(temp.resolve("no-managed.json")));
        model.setText(key, url);

        SettingProblem problem = model.problem(key).orElseThrow(() -> new AssertionError(key + " accepted " + url));

        assertTrue(List.of("insecureUrl", "invalidUrl", "url").contains(problem.code()), problem.toString());
        assertNamesValueAndHttps(url, problem.message());
    }

    private void assertWizardFieldsReject(String url) {
        SetupWizard wizard = wizardWith(url);

        Map<SetupWizard.Field, String> storage = wizard.validateStorage(SetupWizard.Typed.NOTHING);
        Map<SetupWizard.Field, String> audit = wizard.validateAudit(SetupWizard.Typed.NOTHING);

        // The wizard shows the message under the field that contains the value, so it names the field.
        assertTrue(storage.getOrDefault(SetupWizard.Field.ENDPOINT, "").contains("https://"), storage.toString());
        assertTrue(audit.getOrDefault(SetupWizard.Field.AUDIT_URL, "").contains("https://"), audit.toString());
    }

    private void assertWizardTestsReject(String url) throws Exception {
        HomeFolder home = new HomeFolder(Files.createTempDirectory(temp, "wizard"));
        try (LocalServices services = LocalServices.open(home, ServiceOptions.defaults())) {
            VaultSetup badStorage = new VaultSetup(URI.create(url), "us-east-1", "sealdrop-test", "",
                    URI.create(CLOSED_LOOPBACK), tokenFile());
            VaultSetup badAudit = new VaultSetup(URI.create(CLOSED_LOOPBACK), "us-east-1", "sealdrop-test", "",
                    URI.create(url), tokenFile());

            SealDropException storage = assertThrows(SealDropException.class,
                    () -> services.vault().testStorage(badStorage, SetupCredentials.none()));
            SealDropException audit = assertThrows(SealDropException.class,
                    () -> services.vault().testAuditReceiver(badAudit, SetupCredentials.none()));

            assertNamesValueAndHttps(url, storage.getMessage());
            assertTrue(List.of("SD-INSECURE-URL", "SD-INVALID-URL").contains(audit.errorCode()), audit.getMessage());
        }
    }

    private SetupWizard wizardWith(String url) {
        SetupWizard wizard = new SetupWizard();
        wizard.setEndpoint(url);
        wizard.setRegion("us-east-1");
        wizard.setBucket("sealdrop-test");
        wizard.setAuditUrl(url);
        return wizard;
    }

    /** Copies the vault's home folder and writes {@code endpoint} and {@code auditUrl} into its settings.json. */
    private HomeFolder settingsWith(String endpoint, String auditUrl) throws Exception {
        HomeFolder home = new HomeFolder(Files.createTempDirectory(temp, "home"));
        try (var files = Files.walk(vaultHome.root())) {
            for (Path source : files.toList()) {
                Path target = home.root().resolve(vaultHome.root().relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Settings settings = SettingsCopies.of(SettingsFile.read(home.settingsFile()).orElseThrow()).endpoint(URI.create(endpoint))
                .auditUrl(URI.create(auditUrl)).build();
        SettingsFile.write(home.settingsFile(), settings);
        return home;
    }

    private Settings baseSettings() {
        return new Settings(URI.create(CLOSED_LOOPBACK), "us-east-1", "sealdrop-test", "", true, null,
                URI.create(CLOSED_LOOPBACK), tokenFile(), 0, 0, null, 0);
    }

    private Path tokenFile() {
        Path file = temp.resolve("audit.token");
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, "test-token-for-refusals\n", StandardCharsets.US_ASCII);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }

    /** Messages name the refused value, so the user can find it, and say to use https://. */
    private static void assertNamesValueAndHttps(String url, String message) {
        assertTrue(message.contains(url) || message.contains(URI.create(url).toString()), "names " + url + ": " + message);
        assertTrue(message.contains("https://"), "says to use https: " + message);
    }
}
