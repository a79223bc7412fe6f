package org.sealdrop.bench.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * An Xvfb X server of 1280 × 800 × 24 on a free display number, listening on its Unix socket only
 * ({@code -nolisten tcp}), for timing real windows. {@link #close()} stops it.
 */
final class PrivateDisplay implements AutoCloseable {

    private static final int FIRST_NUMBER = 150;
    private static final int LAST_NUMBER = 250;

    private final Process server;
    private final int number;

    private PrivateDisplay(Process server, int number) {
        this.server = server;
        this.number = number;
    }

    /** Starts Xvfb on the first display number without a lock file or socket, and waits for its socket. */
    static PrivateDisplay start(Path work) throws IOException, InterruptedException {
        for (int number = FIRST_NUMBER; number <= LAST_NUMBER; number++) {
            if (Files.exists(lockFile(number)) || Files.exists(socket(number))) {
                continue;
            }
            Process server = new ProcessBuilder("Xvfb", ":" + number, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(work.resolve("xvfb-" + number + ".log").toFile()).start();
            for (int wait = 0; wait < 100 && server.isAlive(); wait++) {
                if (Files.exists(socket(number))) {
                    return new PrivateDisplay(server, number);
                }
                Thread.sleep(100);
            }
            // Another X server may have taken the number meanwhile; stop this one and try the next.
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
        throw new IllegalStateException("No free X display number from :" + FIRST_NUMBER + " to :" + LAST_NUMBER
                + ", or Xvfb does not start; check that Xvfb is installed.");
    }

    /** Returns the value for {@code DISPLAY}, such as ":150". */
    String name() {
        return ":" + number;
    }

    @Override
    public void close() throws InterruptedException {
        server.destroy();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
    }

    private static Path lockFile(int number) {
        return Path.of("/tmp/.X" + number + "-lock");
    }

    private static Path socket(int number) {
        return Path.of("/tmp/.X11-unix/X" + number);
    }
}
