package org.sealdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.app.LocalServices;
import org.sealdrop.config.Settings;
import org.sealdrop.config.SettingsFile;
import org.sealdrop.testsupport.CliRun;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.ManagedFile;
import org.sealdrop.testsupport.TestEnvironment;

/**
 * The command line on a computer where IT fixes the vault, the auto-lock time and export in a managed
 * settings file: {@code init} takes the managed values, rejects other ones, {@code settings} marks
 * them, and {@code export} is refused.
 */
class ManagedSettingsCommandTest {

    @TempDir
    Path temp;

    private TestEnvironment environment;
    private ManagedFile managed;

    @BeforeEach
    void start() throws IOException {
        environment = TestEnvironment.start(temp.resolve("environment"));
        environment.shareCredentialsWithCommandLine();
        managed = ManagedFile.write(temp.resolve("it"), """
                {"endpoint": "%s", "bucket": "%s", "prefix": "clinic", "auditUrl": "%s",
                 "autoLockMinutes": 3, "exportAllowed": false, "deleteAllowed": false}
                """.formatted(environment.s3().endpoint(), TestEnvironment.BUCKET, environment.receiver().baseUrl()));
    }

    @AfterEach
    void stop() {
        managed.close();
        environment.close();
    }

    @Test
    void initTakesManagedVault() throws IOException {
        CliRun init = init();

        assertEquals(0, init.exitCode(), init::toString);
        Settings saved = SettingsFile.read(environment.home().settingsFile()).orElseThrow();
        assertEquals(environment.s3().endpoint(), saved.endpoint());
        assertEquals(TestEnvironment.BUCKET, saved.bucket());
        assertEquals("clinic/", saved.prefix());
        assertEquals(environment.receiver().baseUrl(), saved.auditUrl());
    }

    @Test
    void initRejectsOtherBucket() {
        CliRun init = cli("init", "--bucket", "another-bucket", "--audit-token-file", environment.tokenFile().toString(),
                "--passphrase-file", environment.passphraseFile().toString());

        assertEquals(1, init.exitCode(), init::toString);
        assertTrue(init.err().contains("[SD-SETTING-MANAGED]"), init.err());
        assertTrue(init.err().contains("bucket"), init.err());
        assertTrue(init.err().contains(managed.file().toString()), init.err());
        assertFalse(Files.exists(environment.home().settingsFile()), "nothing was set up");
    }

    @Test
    void initRejectsOtherEndpointAndPrefix() {
        for (String[] option : new String[][] {{"--endpoint", "http://127.0.0.1:1"}, {"--prefix", "south"}}) {
            CliRun init = cli("init", option[0], option[1], "--passphrase-file", environment.passphraseFile().toString());

            assertEquals(1, init.exitCode(), init::toString);
            assertTrue(init.err().contains("[SD-SETTING-MANAGED]"), init.err());
        }
        CliRun samePrefix = cli("init", "--prefix", "clinic/", "--audit-token-file", environment.tokenFile().toString(),
                "--passphrase-file", environment.passphraseFile().toString());
        assertEquals(0, samePrefix.exitCode(), samePrefix::toString);
    }

    @Test
    void managedValuesOverrideSettingsFile() throws IOException {
        assertEquals(0, init().exitCode());
        Path settingsFile = environment.home().settingsFile();
        Settings written = SettingsFile.read(settingsFile).orElseThrow();
        SettingsFile.write(settingsFile, new Settings(written.endpoint(), written.region(), "user-bucket",
                written.prefix(), true, null, written.auditUrl(), written.auditTokenFile(), 0, 0, 20, 0));

        try (LocalServices services = LocalServices.open(environment.home(), environment.options())) {
            assertEquals(3, services.settings().orElseThrow().autoLockMinutes());
            assertEquals(TestEnvironment.BUCKET, services.settings().orElseThrow().bucket());
            assertEquals(Duration.ofMinutes(3), services.vault().autoLockAfter());
            assertFalse(services.settings().orElseThrow().exportAllowed());
        }
    }

    @Test
    void settingsMarksManagedKeys() throws IOException {
        assertEquals(0, init().exitCode());

        CliRun text = cli("settings");
        CliRun json = cli("settings", "--json");

        assertEquals(0, text.exitCode(), text::toString);
        assertTrue(text.out().matches("(?s).*\\nautoLockMinutes +3 +managed\\n.*"), text.out());
        assertTrue(text.out().matches("(?s).*\\nregion +us-east-1\\n.*"), text.out());
        assertTrue(text.out().contains(environment.tokenFile().toString() + "\n"), "a path, not a file: URI");
        assertTrue(text.out().contains(managed.file().toString()), text.out());
        assertFalse(text.out().contains(Files.readString(environment.tokenFile()).strip()), "no audit token");
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertEquals(3, root.get("settings").get("autoLockMinutes").asInt());
        assertFalse(root.get("settings").get("exportAllowed").asBoolean());
        assertEquals(7, root.get("managed").size());
    }

    @Test
    void exportRefusedWhenDisabled() throws IOException {
        assertEquals(0, init().exitCode());
        CliRun upload = cli("upload", Corpus.pdf("minimal-document.pdf").toString(), "--passphrase-file",
                environment.passphraseFile().toString());
        assertEquals(0, upload.exitCode(), upload::toString);
        String id = upload.out().strip().split("\\s+")[0];
        Path target = temp.resolve("copy.pdf");

        CliRun export = cli("export", id, "--out", target.toString(), "--passphrase-file",
                environment.passphraseFile().toString());

        assertEquals(1, export.exitCode(), export::toString);
        assertTrue(export.err().contains("[SD-EXPORT-DISABLED]"), export.err());
        assertTrue(export.err().contains("exportAllowed"), export.err());
        assertFalse(Files.exists(target), "no decrypted copy");
    }

    @Test
    void deleteRefusedWhenDisabled() {
        assertEquals(0, init().exitCode());
        CliRun upload = cli("upload", Corpus.pdf("minimal-document.pdf").toString(), "--passphrase-file",
                environment.passphraseFile().toString());
        String id = upload.out().strip().split("\\s+")[0];

        CliRun delete = cli("delete", id, "--yes", "--passphrase-file", environment.passphraseFile().toString());
        CliRun list = cli("list", "--passphrase-file", environment.passphraseFile().toString());

        assertEquals(1, delete.exitCode(), delete::toString);
        assertTrue(delete.err().contains("[SD-DELETE-DISABLED]"), delete.err());
        assertTrue(list.out().contains(id), "the document is still listed");
    }

    @Test
    void invalidManagedFileStopsCommands() throws IOException {
        assertEquals(0, init().exitCode());
        Files.writeString(managed.file(), "{\"partSizeMiB\": 2}");

        for (String[] args : new String[][] {{"list", "--passphrase-file", environment.passphraseFile().toString()},
                {"settings"}}) {
            CliRun run = cli(args);

            assertEquals(1, run.exitCode(), run::toString);
            assertTrue(run.err().contains("[SD-MANAGED-SETTINGS]"), run.err());
            assertTrue(run.err().contains("partSizeMiB"), run.err());
            assertTrue(run.err().contains(managed.file().toString()), run.err());
        }
    }

    private CliRun init() {
        return cli("init", "--audit-token-file", environment.tokenFile().toString(), "--passphrase-file",
                environment.passphraseFile().toString());
    }

    private CliRun cli(String... args) {
        return CliRun.inHome(environment.home(), args);
    }
}
