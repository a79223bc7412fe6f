package org.sealdrop.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFilesTest {

    @TempDir
    Path temp;

    @Test
    void foldersExpandRecursivelyWithoutDuplicates() throws Exception {
        Path a = Files.writeString(temp.resolve("a.txt"), "a");
        Files.createDirectories(temp.resolve("sub/deeper"));
        Path b = Files.writeString(temp.resolve("sub/deeper/b.txt"), "b");

        SourceFiles.Expansion expansion = SourceFiles.expand(List.of(temp, a));

        assertEquals(2, expansion.files().size());
        assertTrue(expansion.files().containsAll(List.of(a, b)));
        assertEquals(List.of(), expansion.problems());
    }

    @Test
    void symbolicLinkLoopIsReportedAndSkipped() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("scans"));
        Files.writeString(folder.resolve("scan.txt"), "x");
        Files.createSymbolicLink(folder.resolve("loop"), folder);

        SourceFiles.Expansion expansion = SourceFiles.expand(List.of(folder));

        assertEquals(List.of(folder.resolve("scan.txt")), expansion.files());
        assertEquals(1, expansion.problems().size());
        assertTrue(expansion.problems().get(0).contains("loop"), expansion.problems().get(0));
    }

    @Test
    void missingPathIsReportedWithItsName() {
        Path missing = temp.resolve("vanished.pdf");
        SourceFiles.Expansion expansion = SourceFiles.expand(List.of(missing));
        assertEquals(List.of(), expansion.files());
        assertTrue(expansion.problems().get(0).contains(missing.toString()));
    }
}
