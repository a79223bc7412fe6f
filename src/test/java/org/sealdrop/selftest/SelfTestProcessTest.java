package org.sealdrop.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.testsupport.CliRun;
import org.sealdrop.testsupport.ForkedCli;

/**
 * Runs {@code sealdrop --self-test} in a new JVM, as IT runs it after an install: SQLite's native
 * library is loaded for the first time there, and the user's home folder must stay untouched.
 */
class SelfTestProcessTest {

    @TempDir
    Path temp;

    @Test
    void everyCheckPassesAndHomeStaysUntouched() throws Exception {
        Path userHome = Files.createDirectories(temp.resolve("Zoë Łukasz"));
        Path tempFolder = Files.createDirectories(temp.resolve("tmp"));

        CliRun run = ForkedCli.plain()
                .withJvmOptions("-Duser.home=" + userHome, "-Djava.io.tmpdir=" + tempFolder)
                .run("--self-test");

        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.out().lines().toList();
        for (String check : List.of("crypto", "sqlite", "tls", "s3", "audit")) {
            assertTrue(lines.stream().anyMatch(line -> line.startsWith("ok   " + check + ": ")), run::toString);
        }
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("ok   javafx: skipped")), run::toString);
        assertEquals("self-test passed: 6 checks", lines.get(lines.size() - 1));
        assertEquals(List.of(), list(userHome), "nothing is written to the user's home");
        assertEquals(List.of(), list(tempFolder), "the work folder is deleted");
    }

    @Test
    void tlsCheckFailsWithoutEcProvider() throws Exception {
        // A runtime image linked without jdk.crypto.ec has no SunEC provider; removing the provider
        // through the security properties has the same effect on this JDK.
        Path security = Files.writeString(temp.resolve("no-ec.security"), String.join("\n",
                "security.provider.1=SUN", "security.provider.2=SunRsaSign", "security.provider.3=SunJSSE",
                "security.provider.4=SunJCE", "security.provider.5=SunJGSS", "security.provider.6=SunSASL",
                "security.provider.7=XMLDSig", "security.provider.8=SunPCSC", "security.provider.9=JdkLDAP",
                "security.provider.10=JdkSASL", "security.provider.11=SunPKCS11", ""));
        Path userHome = Files.createDirectories(temp.resolve("home"));

        CliRun run = ForkedCli.plain()
                .withJvmOptions("-Duser.home=" + userHome, "-Djava.security.properties==" + security)
                .run("--self-test");

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().lines().anyMatch(line -> line.startsWith("FAIL tls: ")), run::toString);
        assertTrue(run.out().contains("self-test failed"), run::toString);
    }

    private static List<Path> list(Path folder) throws Exception {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.toList();
        }
    }
}
