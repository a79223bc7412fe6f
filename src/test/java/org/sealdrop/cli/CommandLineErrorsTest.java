package org.sealdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.LocalServices;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.app.TransferListener;
import org.sealdrop.storage.ObjectInfo;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.testsupport.CliRun;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.TestEnvironment;

/** Exit statuses and messages of the command line when something is wrong. */
class CommandLineErrorsTest {

    @TempDir
    Path temp;

    private TestEnvironment environment;

    @BeforeEach
    void start() throws Exception {
        environment = TestEnvironment.start(temp);
        environment.shareCredentialsWithCommandLine();
    }

    @AfterEach
    void stop() {
        environment.close();
    }

    @Test
    void unknownOptionIsUsageError() {
        CliRun run = CliRun.of("list", "--colour");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--colour"), run.err());
    }

    @Test
    void homeWithoutVaultIsUsageError() {
        CliRun run = cli("list", "--passphrase-file", environment.passphraseFile().toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("sealdrop init"), run.err());
    }

    @Test
    void missingPassphraseWithoutTerminalIsUsageError() {
        environment.services();
        CliRun run = cli("list");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--passphrase-file"), run.err());
    }

    @Test
    void wrongPassphraseFailsWithItsCode() throws Exception {
        environment.services();
        Path wrong = Files.writeString(temp.resolve("wrong.txt"), "not the passphrase\n");
        CliRun run = cli("list", "--passphrase-file", wrong.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("SD-WRONG-PASSPHRASE"), run.err());
        assertEquals(1, run.err().strip().split("\n").length, "one sentence on stderr");
    }

    @Test
    void exportRefusesToReplaceAFileWithoutForce() throws Exception {
        DocumentSummary document = environment.services().documents()
                .upload(Corpus.pdf("minimal-document.pdf"), null, TransferListener.NONE);
        Path existing = Files.writeString(temp.resolve("existing.pdf"), "keep me");
        CliRun run = cli("export", document.id().toString(), "--out", existing.toString(),
                "--passphrase-file", environment.passphraseFile().toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("keep me", Files.readString(existing));
    }

    @Test
    void verifyReportsAlteredDocumentWithStatusOne() throws Exception {
        DocumentSummary intact = environment.services().documents()
                .upload(Corpus.pdf("minimal-document.pdf"), null, TransferListener.NONE);
        DocumentSummary altered = environment.services().documents()
                .upload(Corpus.pdf("crazyones-pdfa.pdf"), null, TransferListener.NONE);
        flipLastByte(TestEnvironment.PREFIX + "objects/" + altered.id());

        CliRun run = cli("verify", "--passphrase-file", environment.passphraseFile().toString());

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains(intact.id() + "\tok"), run.out());
        assertTrue(run.out().contains(altered.id() + "\tFAILED"), run.out());
        assertTrue(run.out().contains("SD-INTEGRITY"), run.out());
    }

    @Test
    void insecureEndpointIsRejectedWithTheUrl() {
        CliRun run = cli("init", "--endpoint", "http://s3.example.org", "--bucket", "b",
                "--audit-url", environment.receiver().baseUrl().toString(),
                "--passphrase-file", environment.passphraseFile().toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("http://s3.example.org"), run.err());
        assertTrue(run.err().contains("https://"), run.err());
    }

    @Test
    void rejectedAuditTokenIsExplained() throws Exception {
        Path wrongToken = Files.writeString(temp.resolve("wrong.token"), "not-the-receivers-token-0123456789\n");
        CliRun init = cli("init", "--endpoint", environment.s3().endpoint().toString(), "--bucket", TestEnvironment.BUCKET,
                "--prefix", TestEnvironment.PREFIX, "--audit-url", environment.receiver().baseUrl().toString(),
                "--audit-token-file", wrongToken.toString(), "--passphrase-file", environment.passphraseFile().toString());
        assertEquals(0, init.exitCode(), init::toString);

        CliRun list = cli("list", "--passphrase-file", environment.passphraseFile().toString());

        assertEquals(0, list.exitCode(), list::toString);
        assertTrue(list.err().contains("rejected the token (HTTP 401)"), list.err());
        assertTrue(list.err().contains("--audit-token-file"), list.err());
    }

    @Test
    void initWithoutTokenFileWarns() {
        CliRun init = cli("init", "--endpoint", environment.s3().endpoint().toString(), "--bucket", TestEnvironment.BUCKET,
                "--prefix", "no-token/", "--audit-url", environment.receiver().baseUrl().toString(),
                "--passphrase-file", environment.passphraseFile().toString());
        assertEquals(0, init.exitCode(), init::toString);
        assertTrue(init.err().contains("--audit-token-file"), init.err());
    }

    @Test
    void initRefusesAnotherVaultOnConfiguredHome() {
        environment.services();
        CliRun init = cli("init", "--endpoint", environment.s3().endpoint().toString(), "--bucket", TestEnvironment.BUCKET,
                "--prefix", "other-clinic/", "--audit-url", environment.receiver().baseUrl().toString(),
                "--audit-token-file", environment.tokenFile().toString(),
                "--passphrase-file", environment.passphraseFile().toString());
        assertEquals(2, init.exitCode(), init::toString);
        assertTrue(init.err().contains("already belongs to the vault"), init.err());
    }

    @Test
    void passphraseChangedElsewhereIsMentioned() {
        environment.services();
        try (LocalServices other = LocalServices.open(new HomeFolder(temp.resolve("other-computer")), environment.options())) {
            other.vault().setUp(environment.vaultSetup(), TestEnvironment.PASSPHRASE.toCharArray(), false);
            other.vault().changePassphrase(TestEnvironment.PASSPHRASE.toCharArray(), "the new clinic passphrase".toCharArray());
        }

        CliRun list = cli("list", "--passphrase-file", environment.passphraseFile().toString());

        assertEquals(0, list.exitCode(), list::toString);
        assertTrue(list.err().contains("changed on another computer"), list.err());
    }

    private void flipLastByte(String key) throws Exception {
        try (ObjectStore bucket = environment.bucket()) {
            ObjectInfo info = bucket.head(key).orElseThrow();
            byte[] object;
            try (InputStream in = bucket.get(key)) {
                object = in.readAllBytes();
            }
            object[object.length - 1] ^= 0x40;
            bucket.putSmall(key, object, Map.copyOf(info.metadata()));
        }
    }

    private CliRun cli(String... args) {
        return CliRun.inHome(environment.home(), args);
    }
}
