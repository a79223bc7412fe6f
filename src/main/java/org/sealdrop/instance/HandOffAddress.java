package org.sealdrop.instance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.sealdrop.SealDropException;
import org.sealdrop.config.HomeFolder;

/**
 * Chooses where the window's hand-off socket lives, so that only the same user can connect.
 *
 * <p>The first choice is {@code window.sock} in the home folder, when no one but its owner has any
 * permission on the folder. Otherwise, or when that path is longer than {@value #MAX_SOCKET_PATH_BYTES} bytes (the
 * operating systems keep Unix socket paths in a 104 to 108 byte field), the socket goes into a private
 * runtime folder: {@code $XDG_RUNTIME_DIR}, which is per user and mode 700 by specification, or else a
 * folder {@code sealdrop-<user>} in the system temporary folder that this class creates with mode 700
 * and checks. Its name there is {@code sealdrop-} plus 16 hex digits of the SHA-256 of the home
 * folder's path, so every home folder gets its own socket and both starts compute the same path.
 */
public final class HandOffAddress {

    /** Maximum socket path length used, in UTF-8 bytes. macOS allows 103 and Linux 107. */
    static final int MAX_SOCKET_PATH_BYTES = 100;

    private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private HandOffAddress() {
    }

    /**
     * Returns the socket path of {@code home}, creating the private runtime folder if it is needed.
     *
     * @throws SealDropException with code {@code SD-HAND-OFF} when no private folder with a short
     *     enough path is available
     */
    public static Path socketFile(HomeFolder home) {
        return socketFile(home, System.getenv(), Path.of(System.getProperty("java.io.tmpdir")),
                System.getProperty("user.name"));
    }

    static Path socketFile(HomeFolder home, Map<String, String> environment, Path temporaryFolder, String user) {
        Path inHome = home.handOffSocketFile();
        if (fits(inHome) && isOwnerOnly(home.root())) {
            return inHome;
        }
        String name = "sealdrop-" + HexFormat.of().formatHex(sha256(home.root().toString()), 0, 8) + ".sock";
        String runtime = environment.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Path.of(runtime).isAbsolute()
                && isOwnerOnly(Path.of(runtime)) && fits(Path.of(runtime).resolve(name))) {
            return Path.of(runtime).resolve(name);
        }
        Path folder = privateTemporaryFolder(temporaryFolder.toAbsolutePath().resolve("sealdrop-" + safe(user)));
        Path socket = folder.resolve(name);
        if (!fits(socket)) {
            throw new SealDropException("SD-HAND-OFF", "The hand-off socket path " + socket + " is longer than "
                    + MAX_SOCKET_PATH_BYTES + " bytes; set java.io.tmpdir or XDG_RUNTIME_DIR to a shorter folder.");
        }
        return socket;
    }

    private static boolean fits(Path socket) {
        return socket.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH_BYTES;
    }

    /**
     * Tells whether {@code folder} is a directory that only its owner, the current user, can enter.
     * Without POSIX permissions (Windows) the per-user folders are private by their access lists, so
     * it returns true for any existing directory.
     */
    static boolean isOwnerOnly(Path folder) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (!folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return true;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS);
            return permissions.stream().noneMatch(OTHERS::contains)
                    && Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static Path privateTemporaryFolder(Path folder) {
        try {
            if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(folder);
                HomeFolder.restrictToOwner(folder);
            }
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            // Another start created it at the same moment; the check below decides whether to use it.
        } catch (IOException e) {
            throw new SealDropException("SD-HAND-OFF", "The folder " + folder
                    + " for the hand-off socket could not be created; check that the temporary folder is writable.", e);
        }
        if (!isOwnerOnly(folder)) {
            throw new SealDropException("SD-HAND-OFF", "The folder " + folder
                    + " for the hand-off socket is not private to this user; remove it and start SealDrop again.");
        }
        return folder;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime lacks SHA-256; install a complete JDK 17.", e);
        }
    }

    /** Keeps a user name usable as a file name. */
    private static String safe(String user) {
        return user == null || user.isBlank() ? "user" : user.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
