package org.sealdrop.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.transfer.FolderExpansion.Reason;
import org.sealdrop.transfer.FolderExpansion.Result;
import org.sealdrop.transfer.FolderExpansion.Skipped;

class FolderExpansionTest {

    @TempDir
    Path root;

    @Test
    void nestedFoldersExpandToSortedFiles() throws IOException {
        Path folder = Files.createDirectories(root.resolve("referrals"));
        Path b = write(folder.resolve("b.pdf"));
        Path a = write(folder.resolve("a.pdf"));
        Path deep = write(Files.createDirectories(folder.resolve("2024/march")).resolve("scan.tiff"));
        Files.createDirectories(folder.resolve("empty"));

        Result result = FolderExpansion.expand(List.of(folder));

        assertEquals(List.of(folder.resolve("2024/march/scan.tiff"), a, b), relativeToReal(result.files(), folder));
        assertTrue(result.skipped().isEmpty(), "skipped " + result.skipped());
        assertTrue(deep.toFile().isFile());
    }

    @Test
    void filesKeepDropOrderAndDuplicatesCollapse() throws IOException {
        Path folder = Files.createDirectories(root.resolve("batch"));
        Path inside = write(folder.resolve("inside.txt"));
        Path single = write(root.resolve("single.txt"));

        Result result = FolderExpansion.expand(List.of(single, inside, folder, single));

        assertEquals(2, result.files().size(), "files " + result.files());
        assertEquals(single, result.files().get(0));
        assertEquals(inside, result.files().get(1));
    }

    @Test
    void linkLoopIsNotFollowed() throws IOException {
        Path folder = Files.createDirectories(root.resolve("loop"));
        write(folder.resolve("letter.txt"));
        Path backLink = Files.createSymbolicLink(folder.resolve("up"), root);
        Path selfLink = Files.createSymbolicLink(folder.resolve("self"), folder);

        Result result = FolderExpansion.expand(List.of(folder));

        assertEquals(1, result.files().size(), "files " + result.files());
        Map<String, Reason> skipped = reasonsByName(result);
        assertEquals(Reason.LINKED_FOLDER, skipped.get(backLink.getFileName().toString()));
        assertEquals(Reason.LINKED_FOLDER, skipped.get(selfLink.getFileName().toString()));
    }

    @Test
    void linkToFileIsFollowed() throws IOException {
        Path target = write(root.resolve("target.pdf"));
        Path folder = Files.createDirectories(root.resolve("links"));
        Files.createSymbolicLink(folder.resolve("shortcut.pdf"), target);

        Result result = FolderExpansion.expand(List.of(folder));

        assertEquals(1, result.files().size());
        assertEquals("shortcut.pdf", result.files().get(0).getFileName().toString());
    }

    @Test
    void brokenLinkAndFifoAreSkipped() throws IOException, InterruptedException {
        Path folder = Files.createDirectories(root.resolve("odd"));
        write(folder.resolve("ok.txt"));
        Files.createSymbolicLink(folder.resolve("dangling"), root.resolve("gone"));
        Path fifo = folder.resolve("pipe");
        boolean fifoMade = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;

        Result result = FolderExpansion.expand(List.of(folder));

        assertEquals(1, result.files().size(), "files " + result.files());
        Map<String, Reason> skipped = reasonsByName(result);
        assertEquals(Reason.MISSING, skipped.get("dangling"));
        if (fifoMade) {
            assertEquals(Reason.NOT_A_REGULAR_FILE, skipped.get("pipe"));
        }
    }

    @Test
    void systemFilesInFoldersAreSkipped() throws IOException {
        Path folder = Files.createDirectories(root.resolve("from-a-mac"));
        write(folder.resolve("consent.pdf"));
        write(folder.resolve(".DS_Store"));
        write(folder.resolve("._consent.pdf"));
        write(folder.resolve("Thumbs.db"));

        Result result = FolderExpansion.expand(List.of(folder));

        assertEquals(1, result.files().size(), "files " + result.files());
        assertEquals(3, result.skipped().size());
        assertTrue(result.skipped().stream().allMatch(entry -> entry.reason() == Reason.SYSTEM_FILE));
    }

    @Test
    void hiddenEntriesInFoldersAreSkipped() throws IOException {
        Path folder = Files.createDirectories(root.resolve("referrals"));
        Path kept = write(folder.resolve("referral.pdf"));
        Path lockFile = write(folder.resolve(".~lock.referral.odt#"));
        Path hiddenFolder = Files.createDirectories(folder.resolve(".git"));
        write(hiddenFolder.resolve("config"));
        write(Files.createDirectories(hiddenFolder.resolve("objects")).resolve("ab12"));

        Result result = FolderExpansion.expand(List.of(folder));

        assertEquals(List.of(kept.toRealPath()), result.files());
        assertEquals(List.of(new Skipped(hiddenFolder.toRealPath(), Reason.HIDDEN),
                new Skipped(lockFile.toRealPath(), Reason.HIDDEN)), sortedSkipped(result));
    }

    @Test
    void hiddenFileDroppedByItselfIsKept() throws IOException {
        Path hidden = write(root.resolve(".notes.txt"));
        Path hiddenFolder = Files.createDirectories(root.resolve(".scans"));
        Path inside = write(hiddenFolder.resolve("scan.pdf"));

        Result result = FolderExpansion.expand(List.of(hidden, hiddenFolder));

        assertEquals(List.of(hidden, inside.toRealPath()), result.files());
        assertEquals(List.of(), result.skipped());
    }

    @Test
    void missingDroppedPathIsReported() {
        Path gone = root.resolve("vanished.pdf");

        Result result = FolderExpansion.expand(List.of(gone));

        assertTrue(result.files().isEmpty());
        assertEquals(List.of(new FolderExpansion.Skipped(gone, Reason.MISSING)), result.skipped());
    }

    /** Root reads every file whatever its mode, so this case runs only for an ordinary user. */
    @Test
    void unreadableEntriesAreSkipped() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root can read files without read permission");
        assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path folder = Files.createDirectories(root.resolve("mixed"));
        write(folder.resolve("readable.txt"));
        Path secret = write(folder.resolve("secret.txt"));
        Path closed = Files.createDirectories(folder.resolve("closed"));
        write(closed.resolve("inner.txt"));
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("---------"));
        try {
            Result result = FolderExpansion.expand(List.of(folder));

            assertEquals(1, result.files().size(), "files " + result.files());
            Map<String, Reason> skipped = reasonsByName(result);
            assertEquals(Reason.UNREADABLE, skipped.get("secret.txt"));
            assertEquals(Reason.UNREADABLE, skipped.get("closed"));
        } finally {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
            Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static Path write(Path file) throws IOException {
        return Files.writeString(file, "sample " + file.getFileName());
    }

    private static Map<String, Reason> reasonsByName(Result result) {
        return result.skipped().stream().collect(Collectors.toMap(
                entry -> entry.path().getFileName().toString(), FolderExpansion.Skipped::reason));
    }

    /** Walks start at the folder's real path; maps results back so a test can compare with its own paths. */
    private static List<Path> relativeToReal(List<Path> files, Path folder) throws IOException {
        Path real = folder.toRealPath();
        return files.stream().map(file -> folder.resolve(real.relativize(file))).collect(Collectors.toList());
    }

    private static List<Skipped> sortedSkipped(Result result) {
        return result.skipped().stream().sorted((a, b) -> a.path().compareTo(b.path())).toList();
    }
}
