package org.sealdrop.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.vault.KeyRotation;

/**
 * Duplicate detection by content through {@link DocumentService#checkContent}: within one batch, against
 * the vault, against documents another computer added, after an index rebuild and after a vault key
 * rotation. The index must hold no clear hash of any document.
 */
class DuplicateCheckTest {

    @TempDir
    Path temp;

    @Test
    void sameContentTwiceInOneBatch() throws Exception {
        try (TwoComputers computers = TwoComputers.start(temp.resolve("vault"))) {
            Path scan = Files.copy(Corpus.pdf("minimal-document.pdf"), temp.resolve("scan.pdf"));
            Path again = Files.copy(scan, temp.resolve("scan (1).pdf"));
            Path other = Files.copy(Corpus.image("smile.png"), temp.resolve("smile.png"));

            List<CheckedFile> checked = computers.first().documents().checkContent(List.of(scan, other, again));

            assertEquals(List.of(scan, other, again), checked.stream().map(CheckedFile::file).toList());
            assertFalse(checked.get(0).isDuplicate());
            assertFalse(checked.get(1).isDuplicate());
            assertTrue(checked.get(2).isDuplicate());
            assertEquals(Optional.of(scan), checked.get(2).earlierFile());
            assertEquals(List.of(), checked.get(2).existingDocuments());
            assertEquals(Files.size(scan), checked.get(2).size());
        }
    }

    @Test
    void contentAlreadyInVaultIsFound() throws Exception {
        try (TwoComputers computers = TwoComputers.start(temp.resolve("vault"))) {
            UUID first = computers.upload(computers.first(), List.of(Corpus.pdf("minimal-document.pdf"))).get(0);
            Path renamed = Files.copy(Corpus.pdf("minimal-document.pdf"), temp.resolve("renamed copy.pdf"));
            Path fresh = Files.copy(Corpus.image("smile.png"), temp.resolve("smile.png"));

            List<CheckedFile> checked = computers.first().documents().checkContent(List.of(renamed, fresh));

            assertEquals(List.of(first), checked.get(0).existingDocuments());
            assertTrue(checked.get(0).isDuplicate());
            assertFalse(checked.get(1).isDuplicate());
        }
    }

    @Test
    void documentOfAnotherComputerIsFound() throws Exception {
        try (TwoComputers computers = TwoComputers.start(temp.resolve("vault"))) {
            UUID onFirst = computers.upload(computers.first(), List.of(Corpus.image("smile.jpg"))).get(0);
            Path copy = Files.copy(Corpus.image("smile.jpg"), temp.resolve("photo.jpg"));

            // The second computer has not synced since the upload: the check syncs first.
            List<CheckedFile> checked = computers.second().documents().checkContent(List.of(copy));

            assertEquals(List.of(onFirst), checked.get(0).existingDocuments());
        }
    }

    @Test
    void uploadOfCheckedFileWritesItsTag() throws Exception {
        try (TwoComputers computers = TwoComputers.start(temp.resolve("vault"))) {
            Path scan = Files.copy(Corpus.pdf("minimal-document.pdf"), temp.resolve("scan.pdf"));
            CheckedFile checked = computers.first().documents().checkContent(List.of(scan)).get(0);
            DocumentSummary uploaded = computers.first().documents().upload(checked, null, TransferListener.NONE);

            List<CheckedFile> again = computers.first().documents().checkContent(List.of(scan));

            assertEquals(List.of(uploaded.id()), again.get(0).existingDocuments());
        }
    }

    @Test
    void checkedUploadReusesTheFirstPass() throws Exception {
        try (TwoComputers computers = TwoComputers.start(temp.resolve("vault"))) {
            Path scan = temp.resolve("scan.bin");
            Files.write(scan, new byte[100_000]);
            FileTime modified = Files.getLastModifiedTime(scan);
            CheckedFile checked = computers.first().documents().checkContent(List.of(scan)).get(0);

            // Same size and modification time, other content: only the check's SHA-256 can tell.
            byte[] changed = new byte[100_000];
            changed[500] = 1;
            Files.write(scan, changed);
            Files.setLastModifiedTime(scan, modified);
            SealDropException failure = assertThrows(SealDropException.class,
                    () -> computers.first().documents().upload(checked, null, TransferListener.NONE));

            assertEquals("SD-SOURCE-CHANGED", failure.errorCode());
            assertTrue(failure.getMessage().contains("changed while being encrypted"), failure.getMessage());
            assertEquals(List.of(), computers.first().documents().list());
        }
    }

    @Test
    void rebuiltRowsGetTheirTag() throws Exception {
        try (TwoComputers computers = TwoComputers.start(temp.resolve("vault"))) {
            UUID uploaded = computers.upload(computers.second(), List.of(Corpus.image("smile.png"))).get(0);

            computers.first().documents().rebuildIndex();

            assertEquals(1, untaggedRows(computers.first()) + taggedRows(computers.first()));
            assertEquals(1, taggedRows(computers.first()), "the rebuild wrote the tag");
            Path copy = Files.copy(Corpus.image("smile.png"), temp.resolve("copy.png"));
            assertEquals(List.of(uploaded), computers.first().documents().checkContent(List.of(copy)).get(0).existingDocuments());
        }
    }

    @Test
    void tagsFollowVaultKeyRotation() throws Exception {
        try (TwoComputers computers = TwoComputers.start(temp.resolve("vault"))) {
            UUID uploaded = computers.upload(computers.first(), List.of(Corpus.pdf("minimal-document.pdf"))).get(0);
            byte[] tagBefore = tagOf(computers.first(), uploaded);

            computers.first().vault().rotate(TwoComputers.PASSPHRASE.toCharArray(), KeyRotation.Progress.NONE);
            computers.first().vault().retireKeyVersion(TwoComputers.PASSPHRASE.toCharArray(), 1, KeyRotation.Progress.NONE);
            Path copy = Files.copy(Corpus.pdf("minimal-document.pdf"), temp.resolve("copy.pdf"));
            List<CheckedFile> checked = computers.first().documents().checkContent(List.of(copy));

            assertEquals(List.of(uploaded), checked.get(0).existingDocuments());
            byte[] tagAfter = tagOf(computers.first(), uploaded);
            assertFalse(Arrays.equals(tagBefore, tagAfter), "the tag was recomputed under the new vault key version");
        }
    }

    @Test
    void indexHoldsNoClearHash() throws Exception {
        try (TwoComputers computers = TwoComputers.start(temp.resolve("vault"))) {
            Path source = Corpus.pdf("minimal-document.pdf");
            UUID uploaded = computers.upload(computers.first(), List.of(source)).get(0);
            byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(source));
            String hex = HexFormat.of().formatHex(sha256);

            byte[] tag = tagOf(computers.first(), uploaded);
            assertNotNull(tag);
            assertEquals(32, tag.length);
            assertFalse(Arrays.equals(sha256, tag));
            for (byte[] value : clearValues(computers.first())) {
                assertFalse(contains(value, sha256), "a column holds the raw SHA-256");
                assertFalse(contains(value, hex.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                        "a column holds the SHA-256 in hex");
            }
        }
    }

    @Test
    void unreadableFileComesBackUnchecked() throws Exception {
        try (TwoComputers computers = TwoComputers.start(temp.resolve("vault"))) {
            Path missing = temp.resolve("pulled from the USB stick.pdf");

            List<CheckedFile> checked = computers.first().documents().checkContent(List.of(missing));

            assertFalse(checked.get(0).isDuplicate());
            assertEquals(-1, checked.get(0).size());
        }
    }

    private static byte[] tagOf(LocalServices services, UUID id) throws Exception {
        try (Connection connection = services.transferContext().database().connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT content_tag FROM documents WHERE id = '" + id + "'")) {
            assertTrue(rows.next(), "row of " + id);
            return rows.getBytes(1);
        }
    }

    private static int taggedRows(LocalServices services) throws Exception {
        return count(services, "SELECT COUNT(*) FROM documents WHERE content_tag IS NOT NULL");
    }

    private static int untaggedRows(LocalServices services) throws Exception {
        return count(services, "SELECT COUNT(*) FROM documents WHERE content_tag IS NULL");
    }

    private static int count(LocalServices services, String sql) throws Exception {
        try (Connection connection = services.transferContext().database().connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Returns every value of every column of the documents table, as bytes. */
    private static List<byte[]> clearValues(LocalServices services) throws Exception {
        List<byte[]> values = new ArrayList<>();
        try (Connection connection = services.transferContext().database().connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM documents")) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int column = 1; column <= columns; column++) {
                    byte[] value = rows.getBytes(column);
                    if (value != null) {
                        values.add(value);
                    }
                }
            }
        }
        return values;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
