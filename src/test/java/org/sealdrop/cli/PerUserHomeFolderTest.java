package org.sealdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.testsupport.CliRun;
import org.sealdrop.testsupport.ForkedCli;
import org.sealdrop.testsupport.TestEnvironment;

/**
 * Runs {@code sealdrop init} in a new JVM without {@code --home}, for a user whose home folder path
 * has non-ASCII letters, as an installed copy starts: every file lands in the per-user data folder
 * ({@code ~/.local/share/sealdrop} without {@code XDG_DATA_HOME}), none next to the program.
 */
class PerUserHomeFolderTest {

    @TempDir
    Path temp;

    private TestEnvironment environment;

    @BeforeEach
    void startServers() throws Exception {
        environment = TestEnvironment.start(temp.resolve("servers"));
    }

    @AfterEach
    void stopServers() {
        environment.close();
    }

    @Test
    void initFillsPerUserFolderWithNonAsciiPath() throws Exception {
        Path userHome = Files.createDirectories(temp.resolve("Zoë Łukasz"));
        // A temp folder that does not exist: SQLite's native library must go to the home folder's native folder.
        Path missingTemp = temp.resolve("no-such-temp");

        CliRun init = forUser(userHome, missingTemp).run("init",
                "--endpoint", environment.s3().endpoint().toString(), "--bucket", TestEnvironment.BUCKET,
                "--prefix", "zoe/", "--audit-url", environment.receiver().baseUrl().toString(),
                "--audit-token-file", environment.tokenFile().toString(),
                "--passphrase-file", environment.passphraseFile().toString());

        assertEquals(0, init.exitCode(), init::toString);
        Path home = userHome.resolve(".local").resolve("share").resolve("sealdrop");
        assertTrue(Files.isRegularFile(home.resolve("settings.json")), init::toString);
        assertTrue(Files.isRegularFile(home.resolve("keyfile.json")));
        assertTrue(Files.isRegularFile(home.resolve("index.db")));
        assertTrue(Files.isRegularFile(home.resolve("device-id")));
        assertTrue(Files.isRegularFile(home.resolve("device-signing-key")));
        assertTrue(Files.isRegularFile(home.resolve("logs").resolve("sealdrop.log")));
        assertTrue(Files.isDirectory(home.resolve("native")));
        assertFalse(Files.exists(missingTemp), "nothing used the system temp folder");

        CliRun list = forUser(userHome, missingTemp).run("list",
                "--passphrase-file", environment.passphraseFile().toString());
        assertEquals(0, list.exitCode(), list::toString);
    }

    @Test
    void xdgDataHomeWinsOverUserHome() throws Exception {
        Path userHome = Files.createDirectories(temp.resolve("user"));
        Path dataHome = temp.resolve("Dane użytkownika");

        CliRun init = forUser(userHome, temp).withEnvironment("XDG_DATA_HOME", dataHome.toString()).run("init",
                "--endpoint", environment.s3().endpoint().toString(), "--bucket", TestEnvironment.BUCKET,
                "--prefix", "xdg/", "--audit-url", environment.receiver().baseUrl().toString(),
                "--audit-token-file", environment.tokenFile().toString(),
                "--passphrase-file", environment.passphraseFile().toString());

        assertEquals(0, init.exitCode(), init::toString);
        assertTrue(Files.isRegularFile(dataHome.resolve("sealdrop").resolve("index.db")), init::toString);
        assertFalse(Files.exists(userHome.resolve(".local")), "~/.local is not used when XDG_DATA_HOME is set");
    }

    /** Returns a runner for a user with this home folder and temp folder and the environment's S3 credentials. */
    private ForkedCli forUser(Path userHome, Path tempFolder) {
        var credentials = environment.s3().credentials().resolveCredentials();
        return ForkedCli.plain().withJvmOptions("-Duser.home=" + userHome, "-Duser.name=zoë",
                "-Djava.io.tmpdir=" + tempFolder,
                "-Daws.accessKeyId=" + credentials.accessKeyId(), "-Daws.secretAccessKey=" + credentials.secretAccessKey());
    }
}
