package org.sealdrop.instance;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.sealdrop.SealDropException;
import org.sealdrop.config.HomeFolder;

/**
 * The exclusive lock that makes a process the one window of a home folder: an operating-system lock
 * on {@code window.lock} in the home folder.
 *
 * <p>The operating system releases the lock when the process ends in any way, also when it crashes
 * or is killed, so a crashed window never blocks the next start. The file itself stays and holds no
 * data. Command-line commands do not take the lock; they run while the window is open.
 */
public final class InstanceLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code home} without waiting, creating the home folder when missing.
     *
     * @return the held lock, or empty when another process (or this one) already holds it
     * @throws SealDropException with code {@code SD-HOME-FOLDER} when the lock file cannot be opened
     */
    public static Optional<InstanceLock> tryAcquire(HomeFolder home) {
        home.createIfMissing();
        Path file = home.windowLockFile();
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new SealDropException("SD-HOME-FOLDER", "The lock file " + file
                    + " could not be opened; check that the home folder is writable.", e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new InstanceLock(channel, lock));
            }
        } catch (OverlappingFileLockException heldByThisProcess) {
            // Another part of this JVM has taken it, which for the window's purpose is another window.
        } catch (IOException e) {
            closeQuietly(channel);
            throw new SealDropException("SD-HOME-FOLDER", "The lock file " + file
                    + " could not be locked; check that the home folder is on a local disk.", e);
        }
        closeQuietly(channel);
        return Optional.empty();
    }

    /** Tells whether this object still holds the lock. */
    public boolean isHeld() {
        return lock.isValid();
    }

    /** Releases the lock; the next start becomes the window. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel below releases it as well.
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing was written, so nothing can be lost.
        }
    }
}
