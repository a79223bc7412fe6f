package org.sealdrop.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.sealdrop.SealDropException;
import org.sealdrop.crypto.DocumentMetadata;
import org.sealdrop.crypto.IntegrityException;
import org.sealdrop.crypto.ObjectDecryptor;
import org.sealdrop.crypto.SecretKeyBytes;
import org.sealdrop.index.DocumentRecord;

/**
 * Downloads an object and decrypts it into a sink, verifying it on the way. The header in the bucket
 * must equal the one the index recorded at upload. The decrypt stream authenticates every chunk and
 * releases the last one only when the plaintext length and SHA-256 match the encrypted metadata.
 * Only then does {@link #decryptTo} return; on any mismatch it throws {@link IntegrityException} and
 * the caller discards what the sink received.
 */
public final class DocumentReader {

    private static final int COPY_BUFFER = 1 << 16;

    private final TransferContext context;

    public DocumentReader(TransferContext context) {
        this.context = context;
    }

    /** Decrypts the metadata stored with the row in the index; no network access. */
    public DocumentMetadata readMetadata(DocumentRecord record) {
        try (SecretKeyBytes documentKey = unwrapKey(record);
                ObjectDecryptor decryptor = ObjectDecryptor.open(record.id(), documentKey,
                        new ByteArrayInputStream(record.header()))) {
            return decryptor.metadata();
        }
    }

    /**
     * Decrypts the whole object into {@code sink} and returns its verified metadata. The copy loop
     * reports each buffer to {@code progress} and checks its cancel flag before each buffer.
     *
     * @throws SealDropException {@value Cancellation#ERROR_CODE} when {@code progress} reports a cancel;
     *     the caller discards what the sink received
     */
    public DocumentMetadata decryptTo(DocumentRecord record, OutputStream sink, Progress progress) {
        try (SecretKeyBytes documentKey = unwrapKey(record);
                InputStream object = context.store().get(record.objectKey())) {
            byte[] header = object.readNBytes(record.header().length);
            if (!Arrays.equals(header, record.header())) {
                throw new IntegrityException("The object of document " + record.id()
                        + " has another header than the one recorded at upload; the document was altered or belongs elsewhere.");
            }
            try (ObjectDecryptor decryptor = ObjectDecryptor.open(record.id(), documentKey, new ByteArrayInputStream(header))) {
                DocumentMetadata metadata = decryptor.metadata();
                copy(decryptor.decrypt(object), sink, metadata.size(), progress, "The download of document " + record.id());
                return metadata;
            }
        } catch (IOException e) {
            throw new SealDropException("SD-DOWNLOAD-FAILED", "Downloading document " + record.id() + " failed ("
                    + e.getClass().getSimpleName() + "); check the network connection and try again.", e);
        }
    }

    private SecretKeyBytes unwrapKey(DocumentRecord record) {
        return context.vaultKeys().get().unwrapDocumentKey(record.id(), record.wrappedKey());
    }

    private static void copy(InputStream plaintext, OutputStream sink, long total, Progress progress, String job)
            throws IOException {
        byte[] buffer = new byte[COPY_BUFFER];
        long written = 0;
        int read;
        try {
            // NOTE: a download that receives no byte blocks in read() until the socket timeout, so a cancel
            // is seen only when the next buffer arrives or the read fails.
            while ((read = plaintext.read(buffer)) != -1) {
                Cancellation.throwIfRequested(progress, job);
                sink.write(buffer, 0, read);
                written += read;
                progress.update(Math.min(written, total), total);
            }
            sink.flush();
        } finally {
            Arrays.fill(buffer, (byte) 0);
        }
    }
}
