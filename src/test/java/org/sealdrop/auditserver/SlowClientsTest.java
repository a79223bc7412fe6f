package org.sealdrop.auditserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow clients against the receiver in a JVM whose {@code sun.net.httpserver.maxReqTime} is 2 s: a
 * trickled head, a trickled body and 80 unfinished heads are all closed by the JDK server's request
 * time limit, which {@link ServerLimits} sets to 30 s in production, and a real client is served
 * again afterwards.
 */
class SlowClientsTest {

    @TempDir
    Path folder;

    @Test
    void requestTimeLimitClosesSlowClients() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx128m",
                "-D" + ServerLimits.MAX_REQUEST_SECONDS_PROPERTY + "=2", "-cp", System.getProperty("java.class.path"),
                SlowClients.class.getName(), folder.toString()))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }

        assertTrue(output.contains("\nclosed head") || output.startsWith("closed head"), output);
        assertTrue(output.contains("\nclosed body"), output);
        assertTrue(output.contains("\nserved after slowloris"), output);
        assertEquals(0, process.exitValue(), output);
    }
}
