package org.sealdrop.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.sealdrop.transfer.SourceSnapshot;

/**
 * One file of a drop or an upload command after {@link DocumentService#checkContent}: whether the
 * vault or an earlier file of the same list already has its content. It keeps the first pass
 * over the file, so the upload reads the file only once more.
 *
 * <p>The file's path is PHI: show it to the user who chose it, never log it.
 */
public final class CheckedFile {

    private final Path file;
    private final SourceSnapshot snapshot;
    private final List<UUID> existingDocuments;
    private final Path earlierFile;

    CheckedFile(Path file, SourceSnapshot snapshot, List<UUID> existingDocuments, Path earlierFile) {
        this.file = Objects.requireNonNull(file, "file");
        this.snapshot = snapshot;
        this.existingDocuments = List.copyOf(existingDocuments);
        this.earlierFile = earlierFile;
    }

    /** Returns a file whose content was not checked, such as one that could not be read; its upload reads it. */
    public static CheckedFile unchecked(Path file) {
        return new CheckedFile(file, null, List.of(), null);
    }

    public Path file() {
        return file;
    }

    /** Size in bytes at the check, or -1 when the check could not read the file. */
    public long size() {
        return snapshot == null ? -1 : snapshot.size();
    }

    /** Documents of the vault with the same content, oldest first; empty when there are none. */
    public List<UUID> existingDocuments() {
        return existingDocuments;
    }

    /** Returns the earlier file of the same list with the same content, if any. */
    public Optional<Path> earlierFile() {
        return Optional.ofNullable(earlierFile);
    }

    /** Tells whether the vault or an earlier file of the list already has this content. */
    public boolean isDuplicate() {
        return !existingDocuments.isEmpty() || earlierFile != null;
    }

    /** First pass over the file, or {@code null} when the check could not read it. */
    SourceSnapshot snapshot() {
        return snapshot;
    }
}
