package org.sealdrop.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.sealdrop.SealDropException;
import org.sealdrop.crypto.DocumentMetadata;
import org.sealdrop.crypto.IntegrityException;
import org.sealdrop.crypto.KeyWrapping;
import org.sealdrop.crypto.ObjectDecryptor;
import org.sealdrop.crypto.SecretKeyBytes;
import org.sealdrop.index.DocumentRecord;

/**
 * Downloads an object and decrypts it into a sink, verifying it on the way: the header in the bucket
 * must equal the one the index recorded at upload, every chunk must authenticate, and the plaintext
 * SHA-256 and size must match the encrypted metadata. Only then does {@link #decryptTo} return; on
 * any mismatch it throws {@link IntegrityException} and the caller discards what the sink received.
 */
public final class DocumentReader {

    private static final int COPY_BUFFER = 1 << 16;

    private final TransferContext context;

    public DocumentReader(TransferContext context) {
        this.context = context;
    }

    /** Decrypts the metadata stored with the row in the index; no network access. */
    public DocumentMetadata readMetadata(DocumentRecord record) {
        try (SecretKeyBytes documentKey = unwrapKey(record)) {
            return ObjectDecryptor.open(record.id(), documentKey, new ByteArrayInputStream(record.header())).metadata();
        }
    }

    /** Decrypts the whole object into {@code sink} and returns its verified metadata. */
    public DocumentMetadata decryptTo(DocumentRecord record, OutputStream sink, Progress progress) {
        try (SecretKeyBytes documentKey = unwrapKey(record);
                InputStream object = context.store().get(record.objectKey())) {
            byte[] header = object.readNBytes(record.header().length);
            if (!Arrays.equals(header, record.header())) {
                throw new IntegrityException("The object of document " + record.id()
                        + " has another header than the one recorded at upload; the document was altered or belongs elsewhere.");
            }
            ObjectDecryptor decryptor = ObjectDecryptor.open(record.id(), documentKey, new ByteArrayInputStream(header));
            DocumentMetadata metadata = decryptor.metadata();
            MessageDigest sha256 = SourceSnapshot.newSha256();
            long written = copy(decryptor.decrypt(object), new DigestOutputStream(sink, sha256), metadata.size(), progress);
            if (written != metadata.size()
                    || !HexFormat.of().formatHex(sha256.digest()).equals(metadata.sha256Hex())) {
                throw new IntegrityException("The content of document " + record.id()
                        + " does not match its recorded size and SHA-256; the document was altered or belongs elsewhere.");
            }
            return metadata;
        } catch (IOException e) {
            throw new SealDropException("SD-DOWNLOAD-FAILED", "Downloading document " + record.id() + " failed ("
                    + e.getClass().getSimpleName() + "); check the network connection and try again.", e);
        }
    }

    private SecretKeyBytes unwrapKey(DocumentRecord record) {
        SecretKeyBytes vaultKey = context.vaultKeys().get().version(KeyWrapping.vaultKeyVersionOf(record.wrappedKey()));
        return KeyWrapping.unwrapDocumentKey(vaultKey, record.id(), record.wrappedKey());
    }

    private static long copy(InputStream plaintext, OutputStream sink, long total, Progress progress) throws IOException {
        byte[] buffer = new byte[COPY_BUFFER];
        long written = 0;
        int read;
        try {
            while ((read = plaintext.read(buffer)) != -1) {
                sink.write(buffer, 0, read);
                written += read;
                progress.update(Math.min(written, total), total);
            }
            sink.flush();
            return written;
        } finally {
            Arrays.fill(buffer, (byte) 0);
        }
    }
}
