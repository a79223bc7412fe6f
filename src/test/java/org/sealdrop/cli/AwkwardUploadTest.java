package org.sealdrop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.app.TransferListener;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.testsupport.CliRun;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.TestEnvironment;

/**
 * {@code sealdrop upload} with what clinic staff actually pass it: the same scan twice, a file that
 * cannot be read even as root, a folder with a link loop and an empty file, names of 240 characters.
 */
class AwkwardUploadTest {

    @TempDir
    Path temp;

    private TestEnvironment environment;

    @BeforeEach
    void start() throws Exception {
        environment = TestEnvironment.start(temp.resolve("environment"));
        environment.shareCredentialsWithCommandLine();
        environment.services();
    }

    @AfterEach
    void stop() {
        environment.close();
    }

    @Test
    void duplicateIsSkippedWithExistingId() throws Exception {
        Path scan = Files.copy(Corpus.pdf("minimal-document.pdf"), temp.resolve("scan.pdf"));
        Path again = Files.copy(scan, temp.resolve("scan again.pdf"));
        CliRun first = upload(scan.toString());
        assertEquals(0, first.exitCode(), first::toString);
        String id = first.out().split("\t")[0];

        CliRun second = upload(again.toString());

        assertEquals(0, second.exitCode(), second::toString);
        assertEquals(id + "\t" + Files.size(scan) + "\tscan again.pdf\t" + UploadCommand.DUPLICATE_MARK,
                second.out().strip());
        assertEquals(1, objectCount());
    }

    @Test
    void duplicateInOneRunNamesTheFirstUpload() throws Exception {
        Path scan = Files.copy(Corpus.pdf("minimal-document.pdf"), temp.resolve("scan.pdf"));
        Path again = Files.copy(scan, temp.resolve("scan again.pdf"));

        CliRun run = upload(scan.toString(), again.toString());

        assertEquals(0, run.exitCode(), run::toString);
        String[] lines = run.out().strip().split("\n");
        assertEquals(2, lines.length, run::toString);
        String id = lines[0].split("\t")[0];
        assertEquals(id + "\t" + Files.size(scan) + "\tscan again.pdf\t" + UploadCommand.DUPLICATE_MARK, lines[1]);
        assertEquals(1, objectCount());
    }

    @Test
    void allowDuplicatesUploadsBoth() throws Exception {
        Path scan = Files.copy(Corpus.pdf("minimal-document.pdf"), temp.resolve("scan.pdf"));
        Path again = Files.copy(scan, temp.resolve("scan again.pdf"));

        CliRun run = upload("--allow-duplicates", scan.toString(), again.toString());

        assertEquals(0, run.exitCode(), run::toString);
        String[] lines = run.out().strip().split("\n");
        assertEquals(2, lines.length, run::toString);
        assertFalse(run.out().contains(UploadCommand.DUPLICATE_MARK), run::toString);
        assertEquals(2, objectCount());
    }

    @Test
    void readErrorIsExplainedAlsoAsRoot() throws Exception {
        // Reading /proc/self/mem from offset 0 fails with EIO (address 0 is never mapped), whatever
        // the user's permissions, like a file on a disk that fails.
        Path failing = Path.of("/proc/self/mem");
        assumeTrue(Files.isRegularFile(failing), "Linux /proc");

        CliRun run = upload(failing.toString());

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("could not be read"), run.err());
        assertTrue(run.err().contains("check the disk or network share"), run.err());
        assertTrue(run.err().contains("[SD-SOURCE-UNREADABLE]"), run.err());
        assertEquals("", run.out());
        assertEquals(0, objectCount());
    }

    @Test
    void linkLoopAndEmptyFileAreExplained() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("scans"));
        Files.createSymbolicLink(folder.resolve("loop"), folder);
        Files.createFile(folder.resolve("empty.txt"));

        CliRun run = upload(folder.toString());

        // The skipped link counts as a failure, so the exit status tells a script that not everything went.
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("it is a link to a folder, which is not followed so a link loop cannot repeat files."),
                run.err());
        String[] lines = run.out().strip().split("\n");
        assertEquals(1, lines.length, run::toString);
        assertTrue(lines[0].endsWith("\t0\tempty.txt"), lines[0]);
    }

    @Test
    void longNamesRoundTripThroughDefaultExportName() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("a".repeat(120)).resolve("Überweisungen " + "b".repeat(100)));
        String ascii = "r".repeat(236) + ".pdf";
        // 240 characters with umlauts: 246 bytes in UTF-8, under the 255-byte limit of ext4 names.
        String accented = "Überweisung Müller-Lüdenscheidt Ärztin Öztürk " + "x".repeat(190) + ".pdf";
        assertEquals(240, ascii.length());
        assertEquals(240, accented.length());
        assertEquals(246, accented.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        Path first = Files.copy(Corpus.pdf("minimal-document.pdf"), folder.resolve(ascii));
        Path second = Files.copy(Corpus.pdf("crazyones-pdfa.pdf"), folder.resolve(accented));

        CliRun run = upload(first.toString(), second.toString());
        assertEquals(0, run.exitCode(), run::toString);
        CliRun list = cli("list", "--passphrase-file", environment.passphraseFile().toString());
        assertTrue(list.out().contains(ascii), list::toString);
        assertTrue(list.out().contains(accented), list::toString);

        Path exports = Files.createDirectories(temp.resolve("exports"));
        for (String line : run.out().strip().split("\n")) {
            String id = line.split("\t")[0];
            CliRun export = cli("export", id, "--out", exports.toString(),
                    "--passphrase-file", environment.passphraseFile().toString());
            assertEquals(0, export.exitCode(), export::toString);
        }
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(exports.resolve(ascii)));
        assertArrayEquals(Files.readAllBytes(second), Files.readAllBytes(exports.resolve(accented)));
    }

    @Test
    void tooLongExportNameIsExplained() throws Exception {
        // 240 characters but 260 bytes in UTF-8: ext4 rejects it, while another computer's file system
        // (here a zip file system) took it. The document's metadata keeps the whole name.
        String name = "Überweisung ".repeat(20);
        assertEquals(240, name.length());
        UUID id;
        try (FileSystem elsewhere = FileSystems.newFileSystem(temp.resolve("elsewhere.zip"), Map.of("create", "true"))) {
            Path source = Files.copy(Corpus.pdf("minimal-document.pdf"), elsewhere.getPath("/" + name));
            id = environment.services().documents().upload(source, null, TransferListener.NONE).id();
        }
        assertEquals(name, environment.services().documents().list().get(0).name());
        Path exports = Files.createDirectories(temp.resolve("exports"));

        CliRun refused = cli("export", id.toString(), "--out", exports.toString(),
                "--passphrase-file", environment.passphraseFile().toString());

        assertEquals(1, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("rejected the original name of document " + id), refused.err());
        assertTrue(refused.err().contains("give a shorter file name with --out FILE"), refused.err());
        assertTrue(refused.err().contains("[SD-EXPORT-NAME]"), refused.err());
        try (Stream<Path> left = Files.list(exports)) {
            assertEquals(List.of(), left.toList());
        }

        CliRun named = cli("export", id.toString(), "--out", exports.resolve("referral.pdf").toString(),
                "--passphrase-file", environment.passphraseFile().toString());
        assertEquals(0, named.exitCode(), named::toString);
        assertArrayEquals(Files.readAllBytes(Corpus.pdf("minimal-document.pdf")), Files.readAllBytes(exports.resolve("referral.pdf")));
    }

    private CliRun upload(String... paths) {
        List<String> args = new java.util.ArrayList<>(List.of("upload", "--passphrase-file",
                environment.passphraseFile().toString()));
        args.addAll(List.of(paths));
        return cli(args.toArray(String[]::new));
    }

    private int objectCount() {
        try (ObjectStore bucket = environment.bucket()) {
            return bucket.list(TestEnvironment.PREFIX + "objects/").size();
        }
    }

    private CliRun cli(String... args) {
        return CliRun.inHome(environment.home(), args);
    }
}
