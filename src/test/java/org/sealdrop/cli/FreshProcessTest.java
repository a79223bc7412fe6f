package org.sealdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertTrue(Files.isDirectory(home.resolve("native")));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE),
                Files.getPosixFilePermissions(home));
    }

    @Test
    void logsGoToTheHomeFolder() throws Exception {
        Path home = temp.resolve("logged-home");
        Path passphrase = Files.writeString(temp.resolve("pass.txt"), "a long clinic passphrase\n");

        run("--home", home.toString(), "list", "--passphrase-file", passphrase.toString());

        assertTrue(Files.exists(home.resolve("logs").resolve("sealdrop.log")));
    }

    private static Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Daws.disableEc2Metadata=true",
                "-Dlogback.configurationFile=logback.xml",
                Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command finished");
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String out, String err) {
    }
}
