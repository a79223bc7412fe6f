package org.sealdrop.bench.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.sealdrop.crypto.ContentTagKey;
import org.sealdrop.crypto.DocumentMetadata;
import org.sealdrop.crypto.KeyWrapping;
import org.sealdrop.crypto.ObjectEncryptor;
import org.sealdrop.crypto.SecretKeyBytes;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.index.Database;
import org.sealdrop.index.DocumentIndex;
import org.sealdrop.index.DocumentRecord;
import org.sealdrop.index.DocumentStatus;
import org.sealdrop.vault.Argon2Settings;
import org.sealdrop.vault.KeyFile;
import org.sealdrop.vault.KeyFileStore;
import org.sealdrop.vault.VaultKeyFiles;
import org.sealdrop.vault.VaultKeys;

/**
 * Adds many documents to the index of a home folder whose vault exists, without uploading them:
 * each row is what {@code Uploader} writes (a fresh document key wrapped under the vault key, the
 * object header with the metadata encrypted by {@link ObjectEncryptor}, the content tag), in
 * transactions of {@value #BATCH} rows.
 *
 * <p>The window's background sync deletes every row whose object is missing from the bucket, so each
 * row also gets an object file in S3Proxy's file store ({@code FilesystemNio2BlobStore}, one file per
 * key below the bucket folder). The file holds only the object header, not the encrypted content:
 * listing and syncing read no further, and opening such a document would fail.
 */
final class BulkIndex {

    private static final int BATCH = 2_000;

    private static final String[] KINDS = {"Referral", "Lab results", "Discharge letter", "X-ray report",
        "Prescription", "Consent form", "Blood count", "ECG", "Vaccination record", "Insurance form"};
    private static final String[] SYLLABLES = {"ber", "mei", "schu", "mann", "ler", "wag", "ner", "fi", "scher",
        "kol", "hof", "bau", "er", "wolf", "neu", "lan", "ge", "rich", "ter", "kle", "in", "zim", "mer", "braun"};

    private BulkIndex() {
    }

    /**
     * Adds {@code count} documents to the index of {@code home}, unlocking its key file with
     * {@code passphrase}, and writes each object's header below {@code bucketFolder}.
     */
    static void fill(HomeFolder home, char[] passphrase, Argon2Settings argon2, String objectKeyPrefix,
            Path bucketFolder, int count) {
        SecureRandom random = new SecureRandom();
        KeyFile keyFile = KeyFileStore.read(home.keyFile())
                .orElseThrow(() -> new IllegalStateException("No key file in " + home.keyFile()
                        + "; set up the vault before filling its index."));
        Database database = Database.open(home.indexFile());
        DocumentIndex index = new DocumentIndex(database);
        // Seeded, so every run lists the same names and the typed query matches the same rows.
        Random names = new Random(count);
        try (VaultKeys keys = new VaultKeyFiles(random, Clock.systemUTC(), argon2).unlock(keyFile, passphrase);
                ContentTagKey tagKey = keys.contentTagKey()) {
            Instant addedAt = Instant.parse("2021-01-04T08:00:00Z");
            for (int first = 0; first < count; first += BATCH) {
                int last = Math.min(count, first + BATCH);
                int start = first;
                database.inTransaction(transaction -> {
                    for (int number = start; number < last; number++) {
                        Instant time = addedAt.plusSeconds(number * 900L);
                        Row row = row(keys, tagKey, random, names, number, time, objectKeyPrefix);
                        index.insert(transaction, row.record());
                        index.setContentTag(transaction, row.record().id(), row.tag(), tagKey.vaultKeyVersion());
                        writeObject(bucketFolder.resolve(row.record().objectKey()), row.record().header());
                    }
                    return null;
                });
            }
        }
    }

    private static Row row(VaultKeys keys, ContentTagKey tagKey, SecureRandom random, Random names, int number,
            Instant time, String objectKeyPrefix) {
        UUID id = UUID.randomUUID();
        byte[] content = new byte[32];
        random.nextBytes(content);
        String sha256Hex = HexFormat.of().formatHex(content);
        long size = 40_000 + names.nextInt(4_000_000);
        DocumentMetadata metadata = new DocumentMetadata(name(names, time), "application/pdf", size, sha256Hex,
                String.format("MRN %06d", names.nextInt(1_000_000)), "clinic-user", time);

        try (SecretKeyBytes documentKey = SecretKeyBytes.random(random)) {
            byte[] wrappedKey = keys.wrapDocumentKey(id, documentKey, random);
            try (ObjectEncryptor encryptor = ObjectEncryptor.create(id, documentKey, metadata, random)) {
                DocumentRecord record = new DocumentRecord(id, objectKeyPrefix + id, size,
                        encryptor.ciphertextLength(size), DocumentStatus.UPLOADED,
                        KeyWrapping.vaultKeyVersionOf(wrappedKey), wrappedKey, encryptor.header(), time, time);
                return new Row(record, tagKey.tag(sha256Hex));
            }
        }
    }

    /** Returns a file name as a scanner or a secretary writes it, such as "Lab results Meiwolf 2023-05-17.pdf". */
    private static String name(Random names, Instant time) {
        String surname = SYLLABLES[names.nextInt(SYLLABLES.length)] + SYLLABLES[names.nextInt(SYLLABLES.length)];
        surname = Character.toUpperCase(surname.charAt(0)) + surname.substring(1);
        return KINDS[names.nextInt(KINDS.length)] + " " + surname + " " + time.toString().substring(0, 10) + ".pdf";
    }

    private static void writeObject(Path file, byte[] header) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Row(DocumentRecord record, byte[] tag) {
    }
}
