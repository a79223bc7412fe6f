package org.sealdrop.transfer;

import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.sealdrop.crypto.DocumentMetadata;
import org.sealdrop.crypto.IntegrityException;
import org.sealdrop.crypto.KeyWrapping;
import org.sealdrop.crypto.ObjectDecryptor;
import org.sealdrop.crypto.ObjectFormat;
import org.sealdrop.crypto.ObjectHeader;
import org.sealdrop.crypto.SecretKeyBytes;
import org.sealdrop.index.DocumentRecord;
import org.sealdrop.index.DocumentStatus;
import org.sealdrop.vault.VaultKeys;

/**
 * Checks an object found in the bucket by its HEAD result and header alone, and builds its index row.
 *
 * <p>The checks, in order: the {@value Uploader#WRAPPED_KEY_METADATA} user metadata contains a wrapped
 * document key; it unwraps under the vault key version it names, with the document id of the object's
 * key as associated data, so a wrapped key copied from another object fails here; the header parses,
 * names the same document id and carries the key commitment of that document key; the metadata
 * decrypts and authenticates every header byte; the object's size equals the size the header and
 * metadata imply. Chunks are not read, so a damaged chunk is found only when the document is opened
 * or verified.
 */
final class BucketObjectCheck {

    private BucketObjectCheck() {
    }

    /**
     * A verified object's index row and its plaintext SHA-256 from the decrypted metadata, which gives
     * the row its content tag.
     */
    record Verified(DocumentRecord record, String sha256Hex) {
    }

    /**
     * Returns the row of a verified object, with status uploaded and {@code createdAt} from the
     * metadata's {@code addedAt}, and the SHA-256 from its metadata.
     *
     * @param id the document id named by the object's key
     * @throws IntegrityException when any check fails; {@code UnsupportedFormatException} when a newer
     *     SealDrop wrote the object
     * @throws org.sealdrop.SealDropException {@code SD-KEY-VERSION} when the key file lacks the vault
     *     key version that wrapped the document key
     */
    static Verified check(UUID id, HeaderFetcher.FetchedHeader fetched, VaultKeys keys, Instant now) {
        byte[] wrappedKey = wrappedKey(id, fetched);
        int keyVersion = KeyWrapping.vaultKeyVersionOf(wrappedKey);
        ObjectHeader header = ObjectHeader.parse(fetched.header());

        DocumentMetadata metadata;
        try (SecretKeyBytes documentKey = KeyWrapping.unwrapDocumentKey(keys.version(keyVersion), id, wrappedKey);
                ObjectDecryptor decryptor = ObjectDecryptor.open(id, documentKey, header)) {
            metadata = decryptor.metadata();
        }

        long expectedSize = ObjectFormat.ciphertextLength(header.length(), metadata.size());
        if (fetched.info().size() != expectedSize) {
            throw new IntegrityException("The object of document " + id + " has " + fetched.info().size()
                    + " bytes where its header implies " + expectedSize + ", so it was truncated or extended: report it to IT.");
        }
        DocumentRecord record = new DocumentRecord(id, fetched.info().key(), metadata.size(), fetched.info().size(),
                DocumentStatus.UPLOADED, keyVersion, wrappedKey, fetched.header(), metadata.addedAt(), now);
        return new Verified(record, metadata.sha256Hex());
    }

    private static byte[] wrappedKey(UUID id, HeaderFetcher.FetchedHeader fetched) {
        String encoded = fetched.info().metadata().get(Uploader.WRAPPED_KEY_METADATA);
        if (encoded == null) {
            throw new IntegrityException("The object of document " + id + " has no " + Uploader.WRAPPED_KEY_METADATA
                    + " metadata, so its key cannot be found: restore the object from a backup or report it to IT.");
        }
        try {
            return Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IntegrityException("The " + Uploader.WRAPPED_KEY_METADATA + " metadata of document " + id
                    + " is not valid base64, so it was altered: restore the object from a backup or report it to IT.");
        }
    }
}
