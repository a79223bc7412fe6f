package org.sealdrop.vault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.sealdrop.SealDropException;

/**
 * Reads and writes the key file in the home folder. A write never leaves a half-written file. The
 * bytes go to a temporary file in the same folder, are forced to the disk and are then renamed over
 * the old file in one atomic step, so a crash leaves either the old or the new file.
 */
public final class KeyFileStore {

    private KeyFileStore() {
    }

    /**
     * Reads and parses the key file at {@code file}, or returns empty when there is none.
     *
     * @throws SealDropException {@code SD-KEYFILE-MISSING} when it exists but cannot be read, or
     *     {@code SD-KEYFILE-INVALID} when it is malformed
     */
    public static Optional<KeyFile> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(KeyFile.parse(Files.readAllBytes(file), file.toString()));
        } catch (IOException e) {
            throw new SealDropException("SD-KEYFILE-MISSING", "The vault key file " + file
                    + " could not be read; check its permissions, or run `sealdrop init` again to fetch it from the bucket.");
        }
    }

    /**
     * Replaces {@code file} with {@code content} atomically and durably.
     *
     * @throws SealDropException {@code SD-KEYFILE-WRITE} when the folder is not writable or the disk
     *     is full; the old file is then unchanged
     */
    public static void write(Path file, byte[] content) {
        Path folder = file.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, file.getFileName() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
            forceFolder(folder);
        } catch (AtomicMoveNotSupportedException e) {
            throw new SealDropException("SD-KEYFILE-WRITE", "The file system of " + folder
                    + " cannot replace files atomically; move the home folder to a local disk.");
        } catch (IOException e) {
            throw new SealDropException("SD-KEYFILE-WRITE", "The vault key file " + file
                    + " could not be written; check that the home folder is writable and the disk has space.");
        } finally {
            deleteQuietly(temporary);
        }
    }

    /**
     * Forces the folder entry of the rename to the disk where the platform allows it. Linux and macOS
     * open folders for reading; Windows does not, and its rename is already durable with NTFS's journal.
     */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The rename has happened; only its durability before the next journal flush is left to the OS.
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException e) {
                // The temporary file contains no secret in clear, so a leftover one is only clutter.
            }
        }
    }
}
