package org.sealdrop.transfer;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns dropped files and folders into the regular files to upload.
 *
 * <p>Folders are walked recursively without following symbolic links to folders, so a link that
 * points back up the tree cannot make the walk loop. A link to a regular file is followed, because
 * the user sees it as a file. A path reached twice (a file and its folder both dropped, or two links
 * to one file) is listed once. Inside folders, operating-system clutter such as {@code .DS_Store}
 * and {@code Thumbs.db} is skipped, and so are hidden files and folders (a name that starts with a dot,
 * or the hidden attribute on Windows), such as an office suite's {@code .~lock.report.odt#} or a
 * {@code .git} folder, which the user does not see in the file manager. A hidden file dropped by itself
 * is uploaded, because the user chose it. Everything left out is reported with a reason.
 *
 * <p>The walk reads the disk, so callers run it off the JavaFX application thread.
 */
public final class FolderExpansion {

    /** Reason for leaving an entry out of the upload. */
    public enum Reason {
        UNREADABLE,
        NOT_A_REGULAR_FILE,
        LINKED_FOLDER,
        MISSING,
        SYSTEM_FILE,
        /** A hidden file or folder inside a dropped folder; a hidden folder is skipped with all it contains. */
        HIDDEN
    }

    /** A dropped or contained entry that is not uploaded. */
    public record Skipped(Path path, Reason reason) {
    }

    /**
     * @param files regular files to upload, grouped by dropped entry in drop order, each folder's files sorted by path
     * @param skipped entries left out
     */
    public record Result(List<Path> files, List<Skipped> skipped) {
    }

    private static final Set<String> SYSTEM_FILE_NAMES = Set.of(".ds_store", "thumbs.db", "desktop.ini");

    private FolderExpansion() {
    }

    /** Expands {@code dropped} in order, reporting unreadable or vanished entries as skipped instead of throwing. */
    public static Result expand(List<Path> dropped) {
        List<Path> files = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Set<Path> seen = new HashSet<>();

        for (Path entry : dropped) {
            if (Files.isDirectory(entry)) {
                List<Path> found = new ArrayList<>();
                walk(entry, found, skipped);
                found.sort(null);
                addUnseen(found, files, seen);
            } else {
                Reason problem = checkFile(entry);
                if (problem == null) {
                    addUnseen(List.of(entry), files, seen);
                } else {
                    skipped.add(new Skipped(entry, problem));
                }
            }
        }
        return new Result(List.copyOf(files), List.copyOf(skipped));
    }

    private static void walk(Path folder, List<Path> found, List<Skipped> skipped) {
        Path start = folder;
        try {
            // The user chose this folder, so a link to it is followed; links inside it are not.
            start = folder.toRealPath();
            Path top = start;
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                    // The dropped folder itself is uploaded even when hidden, because the user chose it.
                    if (!directory.equals(top) && isHidden(directory)) {
                        skipped.add(new Skipped(directory, Reason.HIDDEN));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (SYSTEM_FILE_NAMES.contains(file.getFileName().toString().toLowerCase(Locale.ROOT))
                            || file.getFileName().toString().startsWith("._")) {
                        skipped.add(new Skipped(file, Reason.SYSTEM_FILE));
                        return FileVisitResult.CONTINUE;
                    }
                    if (isHidden(file)) {
                        skipped.add(new Skipped(file, Reason.HIDDEN));
                        return FileVisitResult.CONTINUE;
                    }
                    Reason problem = attributes.isSymbolicLink() && Files.isDirectory(file)
                            ? Reason.LINKED_FOLDER : checkFile(file);
                    if (problem == null) {
                        found.add(file);
                    } else {
                        skipped.add(new Skipped(file, problem));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException failure) {
                    skipped.add(new Skipped(file, reasonFor(failure)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            skipped.add(new Skipped(start, reasonFor(e)));
        }
    }

    /** Tells whether the file manager hides {@code entry}: a leading dot, or the hidden attribute on Windows. */
    private static boolean isHidden(Path entry) {
        Path name = entry.getFileName();
        if (name != null && name.toString().startsWith(".")) {
            return true;
        }
        try {
            return Files.isHidden(entry);
        } catch (IOException e) {
            // The attribute could not be read; the walk then reports the entry on its own if it cannot be read either.
            return false;
        }
    }

    /** Returns why {@code file} cannot be uploaded, following a link to its target, or {@code null} if it can. */
    private static Reason checkFile(Path file) {
        if (!Files.exists(file)) {
            return Reason.MISSING;
        }
        if (!Files.isRegularFile(file)) {
            return Reason.NOT_A_REGULAR_FILE;
        }
        if (!Files.isReadable(file)) {
            return Reason.UNREADABLE;
        }
        return null;
    }

    private static Reason reasonFor(IOException failure) {
        if (failure instanceof NoSuchFileException) {
            return Reason.MISSING;
        }
        // AccessDeniedException and any other read failure leave the entry unreadable for this user.
        return Reason.UNREADABLE;
    }

    private static void addUnseen(List<Path> candidates, List<Path> files, Set<Path> seen) {
        for (Path file : candidates) {
            if (seen.add(identity(file))) {
                files.add(file);
            }
        }
    }

    /** The real path of the file, or its normalised absolute path if it vanished meanwhile. */
    private static Path identity(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }
}
