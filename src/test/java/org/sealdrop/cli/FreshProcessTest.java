package org.sealdrop.cli;

import org.sealdrop.testsupport.ManagedFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.auditserver.ReceiverStore;

/**
 * Runs {@code sealdrop} in a new JVM on a home folder that does not exist yet, as a user's first
 * command does. In-process tests cannot see start-up faults such as SQLite's native library folder,
 * because the test JVM has loaded the library already.
 */
class FreshProcessTest {

    @TempDir
    Path temp;

    @Test
    void firstCommandOnNewHomeAsksForInit() throws Exception {
        Path home = temp.resolve("new-home");
        Path passphrase = Files.writeString(temp.resolve("pass.txt"), "a long clinic passphrase\n");

        Result result = run("--home", home.toString(), "list", "--passphrase-file", passphrase.toString());

        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains("sealdrop init"), result.err());
        assertFalse(Files.exists(home), "a mistyped --home is not created");
    }

    @Test
    void initCreatesPrivateHomeWithLogs() throws Exception {
        Path home = temp.resolve("init-home");
        Path passphrase = Files.writeString(temp.resolve("pass.txt"), "a long clinic passphrase\n");

        // Without credentials the SDK's chain finds none, so init fails after opening the home folder.
        Result result = run("--home", home.toString(), "init", "--endpoint", "http://127.0.0.1:1", "--bucket", "clinic",
                "--audit-url", "http://127.0.0.1:1", "--passphrase-file", passphrase.toString());

        assertEquals(1, result.exitCode(), result.err());
        assertTrue(result.err().contains("SD-S3-NO-CREDENTIALS"), result.err());
        assertTrue(result.err().contains("AWS_ACCESS_KEY_ID"), result.err());
        assertTrue(Files.isDirectory(home.resolve("native")));
        assertTrue(Files.exists(home.resolve("logs").resolve("sealdrop.log")));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE),
                Files.getPosixFilePermissions(home));
    }

    @Test
    void helpCreatesNoFolder() throws Exception {
        Path home = temp.resolve("help-home");

        Result result = run("--home", home.toString(), "--help");

        assertEquals(0, result.exitCode(), result.err());
        assertFalse(Files.exists(home));
        // Scripts read this output, so the quiet logging set-up must print nothing of its own.
        assertTrue(result.out().startsWith("Usage: sealdrop"), result.out());
        assertFalse(result.err().contains("logback"), result.err());
    }

    @Test
    void auditQueryPrintsOnlyItsJson() throws Exception {
        Path database = temp.resolve("receiver.db");
        ReceiverStore.open(database).close();

        Result result = run("audit", "query", "--db", database.toString(), "--format", "json");

        assertEquals(0, result.exitCode(), result.err());
        // An investigator pipes this into other tools, so nothing but the JSON array may reach stdout.
        assertEquals("[]", result.out().strip(), result.out());
        assertFalse(result.err().contains("logback"), result.err());
    }

    @Test
    void demoFoldersAreReadableByOwnerOnly() throws Exception {
        Path userHome = Files.createDirectories(temp.resolve("user-home"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Duser.home=" + userHome, ManagedFile.forkArgument(),
                Main.class.getName(), "demo", "--no-window"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("XDG_"));
        Process demo = builder.start();
        try (var output = new java.io.BufferedReader(new java.io.InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null && !line.startsWith("Stop the demo")) {
                // Skips the demo's description until it is ready.
            }
            assertTrue(line != null, "the demo started");
        } finally {
            demo.destroy();
            assertTrue(demo.waitFor(30, TimeUnit.SECONDS), "the demo stopped");
        }

        Path home = userHome.resolve(".local/share/sealdrop");
        Set<PosixFilePermission> ownerOnly = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE);
        assertEquals(ownerOnly, Files.getPosixFilePermissions(home));
        assertEquals(ownerOnly, Files.getPosixFilePermissions(home.resolve("demo")));
    }

    private static Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Daws.disableEc2Metadata=true", ManagedFile.forkArgument(),
                "-Daws.sharedCredentialsFile=/dev/null", "-Daws.configFile=/dev/null",
                "-Dlogback.configurationFile=logback.xml",
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command finished");
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String out, String err) {
    }
}
