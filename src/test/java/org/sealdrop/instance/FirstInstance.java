package org.sealdrop.instance;

import java.nio.file.Path;
import java.util.Optional;
import org.sealdrop.config.HomeFolder;

/**
 * A first start reduced to its claim on the home folder, for tests that kill it: it takes the window
 * lock, listens for hand-offs as the window does, prints {@link #LISTENING} and waits to be killed.
 */
public final class FirstInstance {

    static final String LISTENING = "first instance listening";

    private FirstInstance() {
    }

    /** Argument: the home folder. Exits 3 when another process holds the lock. */
    public static void main(String[] args) throws InterruptedException {
        HomeFolder home = new HomeFolder(Path.of(args[0]));
        Optional<InstanceLock> lock = InstanceLock.tryAcquire(home);
        if (lock.isEmpty()) {
            System.exit(3);
        }
        HandOffListener.start(lock.get(), home, files -> System.out.println("received " + files.size()));
        System.out.println(LISTENING);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
