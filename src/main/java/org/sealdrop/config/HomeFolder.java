package org.sealdrop.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import org.sealdrop.SealDropException;

/**
 * The folder that contains one user's SealDrop state: settings, the index, the key file, the device id
 * and logs. It is chosen with {@code --home} or defaults to the operating system's per-user
 * application data folder, never the program's own folder, so a per-machine install works for a
 * standard user.
 */
public record HomeFolder(Path root) {

    public HomeFolder {
        root = root.toAbsolutePath().normalize();
    }

    /**
     * The per-user default: {@code %LOCALAPPDATA%\SealDrop} on Windows,
     * {@code ~/Library/Application Support/SealDrop} on macOS, and {@code $XDG_DATA_HOME/sealdrop}
     * (or {@code ~/.local/share/sealdrop}) elsewhere.
     */
    public static HomeFolder defaultFor(String osName, Map<String, String> environment, Path userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String localAppData = environment.get("LOCALAPPDATA");
            Path base = localAppData != null ? Path.of(localAppData) : userHome.resolve("AppData").resolve("Local");
            return new HomeFolder(base.resolve("SealDrop"));
        }
        if (os.startsWith("mac")) {
            return new HomeFolder(userHome.resolve("Library").resolve("Application Support").resolve("SealDrop"));
        }
        String xdgDataHome = environment.get("XDG_DATA_HOME");
        Path base = xdgDataHome != null && !xdgDataHome.isBlank()
                ? Path.of(xdgDataHome)
                : userHome.resolve(".local").resolve("share");
        return new HomeFolder(base.resolve("sealdrop"));
    }

    /** Returns the default for the running JVM's operating system and user. */
    public static HomeFolder defaultForCurrentUser() {
        return defaultFor(System.getProperty("os.name"), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * Creates the folder and its {@code native} and {@code logs} subfolders when missing. A folder
     * created here is readable by its owner only (on POSIX systems), because it keeps the key file
     * and the index; an existing folder keeps its permissions, since {@code --home} may name a folder
     * the user shares on purpose.
     */
    public HomeFolder createIfMissing() {
        try {
            if (!Files.isDirectory(root)) {
                Files.createDirectories(root);
                restrictToOwner(root);
            }
            Files.createDirectories(nativeLibraryFolder());
            Files.createDirectories(logFolder());
            return this;
        } catch (IOException e) {
            throw new SealDropException("SD-HOME-FOLDER", "The home folder " + root
                    + " could not be created; check that its parent folder is writable or pass another --home.", e);
        }
    }

    /** Restricts {@code path} to its owner where the file system has POSIX permissions; elsewhere does nothing. */
    public static void restrictToOwner(Path path) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
        }
    }

    public Path settingsFile() {
        return root.resolve("settings.json");
    }

    public Path indexFile() {
        return root.resolve("index.db");
    }

    public Path keyFile() {
        return root.resolve("keyfile.json");
    }

    public Path deviceIdFile() {
        return root.resolve("device-id");
    }

    /** Returns the file with the Ed25519 key pair that signs this device's audit events, readable by its owner only. */
    public Path deviceSigningKeyFile() {
        return root.resolve("device-signing-key");
    }

    /** Returns the file that the running window keeps locked, so that a second start hands its files over instead. */
    public Path windowLockFile() {
        return root.resolve("window.lock");
    }

    /** Returns the path of the window's hand-off socket when the home folder is private and its path short enough (see {@code HandOffAddress}). */
    public Path handOffSocketFile() {
        return root.resolve("window.sock");
    }

    public Path logFolder() {
        return root.resolve("logs");
    }

    /** Folder for SQLite's native library, so a {@code noexec} system temp folder cannot break it. */
    public Path nativeLibraryFolder() {
        return root.resolve("native");
    }
}
