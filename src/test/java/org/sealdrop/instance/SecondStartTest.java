package org.sealdrop.instance;

import org.sealdrop.testsupport.ManagedFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.cli.Main;
import org.sealdrop.config.HomeFolder;

/**
 * A second {@code sealdrop} start, run as its own JVM, against a first instance's lock and listener:
 * the real classes the window uses, running in this JVM or in another forked one.
 */
class SecondStartTest {

    private static final long WAIT_SECONDS = 120;

    @TempDir
    Path temp;

    private final List<Process> processes = new ArrayList<>();
    private final BlockingQueue<List<Path>> received = new LinkedBlockingQueue<>();

    @AfterEach
    void killForks() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void secondStartHandsFilesOver() throws Exception {
        HomeFolder home = new HomeFolder(temp.resolve("home")).createIfMissing();
        Path first = Files.writeString(temp.resolve("referral.pdf"), "scan");
        Path second = Files.writeString(temp.resolve("lab result.png"), "image");

        try (InstanceLock lock = InstanceLock.tryAcquire(home).orElseThrow();
                HandOffListener listener = HandOffListener.start(lock, home, received::add)) {
            Result run = runSealDrop("--home", home.root().toString(), first.toString(), second.toString());

            assertEquals(0, run.exitCode(), run.output());
            assertEquals("SealDrop is already open; the files were handed to it.", run.output().strip());
            assertEquals(List.of(first, second), received.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        }
        assertFalse(Files.exists(home.indexFile()), "the second start must not open the index");
    }

    @Test
    void secondStartWithoutFilesRaisesWindow() throws Exception {
        HomeFolder home = new HomeFolder(temp.resolve("home")).createIfMissing();

        try (InstanceLock lock = InstanceLock.tryAcquire(home).orElseThrow();
                HandOffListener listener = HandOffListener.start(lock, home, received::add)) {
            Result run = runSealDrop("--home", home.root().toString());

            assertEquals(0, run.exitCode(), run.output());
            assertEquals("SealDrop is already open; its window was brought to the front.", run.output().strip());
            assertEquals(List.of(), received.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        }
        assertFalse(Files.exists(home.indexFile()), "the second start must not open the index");
    }

    @Test
    void secondDemoWindowRaisesTheFirst() throws Exception {
        Path data = temp.resolve("demo");
        HomeFolder home = new HomeFolder(data.resolve("home")).createIfMissing();

        try (InstanceLock lock = InstanceLock.tryAcquire(home).orElseThrow();
                HandOffListener listener = HandOffListener.start(lock, home, received::add)) {
            Result run = runSealDrop("demo", "--data", data.toString());

            assertEquals(0, run.exitCode(), run.output());
            assertEquals("SealDrop is already open; its window was brought to the front.", run.output().strip());
            assertEquals(List.of(), received.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        }
        assertFalse(Files.exists(data.resolve("s3")), "the second demo must not start another store");
    }

    @Test
    void killedFirstInstanceBlocksNothing() throws Exception {
        HomeFolder home = new HomeFolder(temp.resolve("home")).createIfMissing();
        Process killed = fork(FirstInstance.class.getName(), home.root().toString());
        BufferedReader output = new BufferedReader(new InputStreamReader(killed.getInputStream(), StandardCharsets.UTF_8));
        assertEquals(FirstInstance.LISTENING, output.readLine());
        Path socket = HandOffAddress.socketFile(home);
        assertTrue(Files.exists(socket), "the first instance listens");
        assertTrue(InstanceLock.tryAcquire(home).isEmpty(), "the first instance holds the lock");

        killed.destroyForcibly();
        assertTrue(killed.waitFor(WAIT_SECONDS, TimeUnit.SECONDS));
        assertTrue(Files.exists(socket), "a killed instance leaves its socket file behind");

        Path file = Files.writeString(temp.resolve("consent.pdf"), "form");
        try (InstanceLock lock = InstanceLock.tryAcquire(home).orElseThrow();
                HandOffListener listener = HandOffListener.start(lock, home, received::add)) {
            Result run = runSealDrop("--home", home.root().toString(), file.toString());

            assertEquals(0, run.exitCode(), run.output());
            assertEquals(List.of(file), received.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        }
        assertFalse(Files.exists(socket), "closing the listener removes its socket file");
    }

    @Test
    void missingFileArgumentIsUsageError() throws Exception {
        HomeFolder home = new HomeFolder(temp.resolve("home")).createIfMissing();
        Result run = runSealDrop("--home", home.root().toString(), temp.resolve("no such file.pdf").toString());

        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("is neither a command nor an existing file or folder"), run.output());
        assertFalse(Files.exists(home.indexFile()));
    }

    private Result runSealDrop(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Main.class.getName()));
        command.addAll(List.of(args));
        Process process = fork(command.toArray(String[]::new));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "sealdrop exited");
        return new Result(process.exitValue(), output);
    }

    private Process fork(String... mainAndArgs) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Daws.disableEc2Metadata=true", ManagedFile.forkArgument(),
                "-Djava.io.tmpdir=" + temp, "-cp", System.getProperty("java.class.path")));
        command.addAll(List.of(mainAndArgs));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.add(process);
        assertNotNull(process);
        return process;
    }

    private record Result(int exitCode, String output) {
    }
}
