package org.sealdrop.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.sealdrop.app.LocalServices;
import org.sealdrop.config.Settings;
import org.sealdrop.index.Database;
import org.sealdrop.index.UploadPartRecord;
import org.sealdrop.index.UploadSession;
import org.sealdrop.index.UploadSessions;

/**
 * Makes an upload die the way a killed program or a power cut ends it: {@code sealdrop upload} runs in
 * a forked JVM against {@link TestEnvironment}'s vault through a {@link ThrottlingProxy}, and is killed
 * with {@code destroyForcibly()} once the index lists the wanted number of accepted parts. Nothing in
 * the child gets a chance to abort its multipart upload.
 */
public final class InterruptedUpload {

    public static final int MIB = 1024 * 1024;
    private static final Duration PART_WAIT = Duration.ofMinutes(3);

    private final TestEnvironment environment;
    private final ThrottlingProxy proxy;

    /** Points the environment's home folder at a throttled relay, with 5 MiB parts sent one at a time. */
    public InterruptedUpload(TestEnvironment environment, long bytesPerSecond) throws IOException {
        this.environment = environment;
        this.proxy = ThrottlingProxy.inFrontOf(environment.s3().endpoint(), bytesPerSecond);
        LocalServices services = environment.services();
        Settings current = services.settings().orElseThrow();
        services.reconfigure(SettingsCopies.of(current).endpoint(proxy.endpoint()).parts(5, 5).uploadParallelism(1).build());
        environment.shareCredentialsWithCommandLine();
    }

    public ThrottlingProxy proxy() {
        return proxy;
    }

    /**
     * Uploads {@code file} in a child JVM, kills it once at least {@code parts} part rows exist, and
     * returns the session the child left behind.
     */
    public Result uploadAndKill(Path file, int parts) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        var credentials = environment.s3().credentials().resolveCredentials();
        Process child = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-Daws.disableEc2Metadata=true", ManagedFile.forkArgument(),
                "-Daws.accessKeyId=" + credentials.accessKeyId(), "-Daws.secretAccessKey=" + credentials.secretAccessKey(),
                "-cp", System.getProperty("java.class.path"), "org.sealdrop.cli.Main",
                "--home", environment.home().root().toString(), "upload",
                "--passphrase-file", environment.passphraseFile().toString(), file.toString()))
                .redirectErrorStream(true)
                .redirectOutput(environment.root().resolve("child-" + UUID.randomUUID() + ".log").toFile())
                .start();
        UploadSessions sessions = new UploadSessions(Database.open(environment.home().indexFile()));
        try {
            waitForParts(child, sessions, parts);
        } finally {
            child.destroyForcibly();
            child.waitFor(1, TimeUnit.MINUTES);
        }

        UploadSession session = sessions.list().get(0);
        Set<Integer> recorded = new TreeSet<>();
        for (UploadPartRecord part : sessions.parts(session.documentId())) {
            recorded.add(part.partNumber());
        }
        return new Result(session, recorded);
    }

    private static void waitForParts(Process child, UploadSessions sessions, int parts) throws InterruptedException {
        Instant deadline = Instant.now().plus(PART_WAIT);
        while (Instant.now().isBefore(deadline)) {
            List<UploadSession> pending = sessions.list();
            if (!pending.isEmpty() && sessions.parts(pending.get(0).documentId()).size() >= parts) {
                return;
            }
            if (!child.isAlive()) {
                throw new AssertionError("The upload ended with status " + child.exitValue() + " before " + parts
                        + " parts were recorded");
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No " + parts + " part rows within " + PART_WAIT);
    }

    /** Writes {@code size} seeded random bytes to {@code file}. */
    public static Path writeRandomFile(Path file, long size, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] block = new byte[MIB];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return file;
    }

    /** The session a killed upload left, and the part numbers it had recorded. */
    public record Result(UploadSession session, Set<Integer> recordedParts) {

        public UUID id() {
            return session.documentId();
        }
    }
}
