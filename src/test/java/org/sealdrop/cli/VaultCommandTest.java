package org.sealdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.testsupport.CliRun;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.TestEnvironment;

/** {@code sealdrop init} and {@code sealdrop vault ...} as a user runs them: exit statuses 0, 1 and 2 and what they print. */
class VaultCommandTest {

    private static final Pattern RECOVERY_KEY = Pattern.compile("([0-9A-HJKMNP-TV-Z]{5}-){12}[0-9A-HJKMNP-TV-Z]{5}");

    @TempDir
    Path temp;

    private TestEnvironment environment;
    private String initOutput;
    private String recoveryKey;
    private Path newPassphraseFile;

    @BeforeEach
    void start() throws Exception {
        environment = TestEnvironment.start(temp);
        environment.shareCredentialsWithCommandLine();

        CliRun init = cli("init", "--endpoint", environment.s3().endpoint().toString(), "--bucket", TestEnvironment.BUCKET,
                "--prefix", TestEnvironment.PREFIX, "--audit-url", environment.receiver().baseUrl().toString(),
                "--audit-token-file", environment.tokenFile().toString(), "--passphrase-file", passphraseFile());
        assertEquals(0, init.exitCode(), init::toString);
        initOutput = init.out();
        Matcher key = RECOVERY_KEY.matcher(initOutput);
        assertTrue(key.find(), initOutput);
        recoveryKey = key.group();
        newPassphraseFile = Files.writeString(temp.resolve("new-passphrase.txt"), "a fresh passphrase for the clinic\n");
        assertEquals(0, cli("upload", Corpus.pdf("minimal-document.pdf").toString(), "--passphrase-file", passphraseFile())
                .exitCode());
    }

    @AfterEach
    void stop() {
        environment.close();
    }

    @Test
    void initShowsRecoveryKeyOnce() throws IOException {
        assertEquals(1, RECOVERY_KEY.matcher(initOutput).results().count(), initOutput);
        assertTrue(initOutput.contains("keep it offline"), initOutput);
        String compact = recoveryKey.replace("-", "");
        try (Stream<Path> files = Files.walk(environment.home().root())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(recoveryKey.substring(0, 11)), file.toString());
                assertFalse(content.contains(compact.substring(0, 10)), file.toString());
            }
        }
        CliRun joined = cli("init", "--endpoint", environment.s3().endpoint().toString(), "--bucket", TestEnvironment.BUCKET,
                "--prefix", TestEnvironment.PREFIX, "--audit-url", environment.receiver().baseUrl().toString(),
                "--passphrase-file", passphraseFile());
        assertEquals(0, joined.exitCode(), joined::toString);
        assertFalse(RECOVERY_KEY.matcher(joined.out()).find(), "joining shows no recovery key");
    }

    @Test
    void rotateThenRetireTheOldVersion() {
        CliRun refused = cli("vault", "retire", "--version", "1", "--passphrase-file", passphraseFile());
        assertEquals(1, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("SD-KEY-VERSION-CURRENT"), refused.err());

        CliRun rotated = cli("vault", "rotate", "--passphrase-file", passphraseFile());
        assertEquals(0, rotated.exitCode(), rotated::toString);
        assertTrue(rotated.out().startsWith("Vault key version 2: 1 objects in the bucket, 1 re-wrapped now"), rotated.out());

        CliRun retired = cli("vault", "retire", "--version", "1", "--passphrase-file", passphraseFile());
        assertEquals(0, retired.exitCode(), retired::toString);
        CliRun status = cli("vault", "status");
        assertEquals(0, status.exitCode(), status::toString);
        assertTrue(status.out().contains("key version\t2\t"), status.out());
        assertFalse(status.out().contains("key version\t1\t"), status.out());
        assertEquals(0, cli("verify", "--passphrase-file", passphraseFile()).exitCode());
    }

    @Test
    void changePassphraseReplacesTheOldOne() {
        CliRun changed = cli("vault", "change-passphrase", "--passphrase-file", passphraseFile(),
                "--new-passphrase-file", newPassphraseFile.toString());
        assertEquals(0, changed.exitCode(), changed::toString);

        CliRun old = cli("list", "--passphrase-file", passphraseFile());
        assertEquals(1, old.exitCode(), old::toString);
        assertTrue(old.err().contains("SD-WRONG-PASSPHRASE"), old.err());
        CliRun fresh = cli("list", "--passphrase-file", newPassphraseFile.toString());
        assertEquals(0, fresh.exitCode(), fresh::toString);
        assertTrue(fresh.out().contains("minimal-document.pdf"), fresh.out());
    }

    @Test
    void recoverWithTheRecoveryKeyFile() throws IOException {
        Path keyFile = Files.writeString(temp.resolve("recovery.txt"), recoveryKey.toLowerCase() + "\n");

        CliRun recovered = cli("vault", "recover", "--recovery-key-file", keyFile.toString(),
                "--new-passphrase-file", newPassphraseFile.toString());

        assertEquals(0, recovered.exitCode(), recovered::toString);
        assertEquals(0, cli("verify", "--passphrase-file", newPassphraseFile.toString()).exitCode());
        assertEquals(1, cli("list", "--passphrase-file", passphraseFile()).exitCode());
    }

    @Test
    void recoveryKeyTypoFailsWithTheGroup() throws IOException {
        char[] typo = recoveryKey.toCharArray();
        typo[0] = typo[0] == '7' ? '8' : '7';
        Path keyFile = Files.writeString(temp.resolve("recovery.txt"), new String(typo) + "\n");

        CliRun run = cli("vault", "recover", "--recovery-key-file", keyFile.toString(),
                "--new-passphrase-file", newPassphraseFile.toString());

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Group 1 of the recovery key has a typo"), run.err());
        assertTrue(run.err().contains("[SD-RECOVERY-KEY-TYPO]"), run.err());
        assertFalse(run.err().contains(recoveryKey.substring(6, 11)), "the message must not quote the key");
        assertEquals(0, cli("list", "--passphrase-file", passphraseFile()).exitCode());
    }

    @Test
    void commandLineMistakesExitWithTwo() {
        List<String[]> mistakes = List.of(
                new String[] {"vault"},
                new String[] {"vault", "retire", "--passphrase-file", passphraseFile()},
                new String[] {"vault", "retire", "--version", "one"},
                new String[] {"vault", "rotate", "--colour"},
                new String[] {"vault", "change-passphrase", "--passphrase-file", passphraseFile()},
                new String[] {"vault", "recover", "--new-passphrase-file", newPassphraseFile.toString()});
        for (String[] args : mistakes) {
            CliRun run = cli(args);
            assertEquals(2, run.exitCode(), () -> String.join(" ", args) + "\n" + run);
        }
    }

    @Test
    void homeWithoutVaultIsUsageError() {
        CliRun run = CliRun.of("--home", temp.resolve("empty-home").toString(), "vault", "rotate",
                "--passphrase-file", passphraseFile());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("sealdrop init"), run.err());
    }

    private String passphraseFile() {
        return environment.passphraseFile().toString();
    }

    private CliRun cli(String... args) {
        return CliRun.inHome(environment.home(), args);
    }
}
