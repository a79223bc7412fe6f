package org.sealdrop.transfer;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns what a user dropped or named (files and folders) into the regular files to upload. Folders
 * are walked recursively; symbolic links are followed, but a link back into a folder already on the
 * path is reported as a loop and skipped. Each problem becomes a message for the user, and the
 * other files still upload.
 */
public final class SourceFiles {

    private SourceFiles() {
    }

    /** Files to upload, in a stable order without duplicates, and the problems met on the way. */
    public record Expansion(List<Path> files, List<String> problems) {
    }

    public static Expansion expand(List<Path> sources) {
        Set<Path> files = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (Path source : sources) {
            if (Files.isRegularFile(source)) {
                files.add(source.toAbsolutePath().normalize());
            } else if (Files.isDirectory(source)) {
                walk(source, files, problems);
            } else if (!Files.exists(source)) {
                problems.add(source + " does not exist; check the path.");
            } else {
                problems.add(source + " is neither a file nor a folder; it was skipped.");
            }
        }
        return new Expansion(List.copyOf(files), List.copyOf(problems));
    }

    private static void walk(Path folder, Set<Path> files, List<String> problems) {
        try {
            Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                            if (attributes.isRegularFile()) {
                                files.add(file.toAbsolutePath().normalize());
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            if (e instanceof FileSystemLoopException) {
                                problems.add(file + " links back to a folder above it; the loop was skipped.");
                            } else {
                                problems.add(file + " could not be read (" + e.getClass().getSimpleName() + "); it was skipped.");
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            problems.add(folder + " could not be read (" + e.getClass().getSimpleName() + "); it was skipped.");
        }
    }
}
