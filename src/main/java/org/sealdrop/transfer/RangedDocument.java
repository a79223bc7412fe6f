package org.sealdrop.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.sealdrop.SealDropException;
import org.sealdrop.crypto.ChunkDecrypter;
import org.sealdrop.crypto.DocumentMetadata;
import org.sealdrop.crypto.IntegrityException;
import org.sealdrop.crypto.ObjectDecryptor;
import org.sealdrop.crypto.ObjectFormat;
import org.sealdrop.crypto.ObjectHeader;
import org.sealdrop.crypto.SecretKeyBytes;
import org.sealdrop.index.DocumentRecord;
import org.sealdrop.storage.ObjectInfo;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verified random access to a document's plaintext, fetched from the bucket in ranged GETs.
 *
 * <p>Opening checks that the header in the bucket equals the one the index recorded at upload, that
 * the object has the length the header and size declare, and then fetches and verifies the first and
 * the last {@value #END_CHUNKS} chunks, where a PDF reader starts. A later read that continues where
 * the previous fetch ended fetches {@value #READ_AHEAD_CHUNKS} chunks in one request, and any other
 * read fetches only its own chunk, because a PDF reader jumps between objects before it streams an
 * image. Every chunk is authenticated before any byte of it is returned. Verified chunks stay in a
 * cache of {@value #CACHE_CHUNKS} chunks, zeroed on eviction and on {@link #close()}.
 *
 * <p>The first failed verification, in any chunk of a fetched block, makes the document unreadable:
 * the cache is zeroed, the integrity listener runs once, and every later read throws the same
 * {@link IntegrityException}. The SHA-256 of the whole plaintext is never checked here, because it
 * needs every chunk (docs/FORMAT.md, "Reading a byte range").
 *
 * <p>Thread-safe: reads are serialized.
 */
public final class RangedDocument implements AutoCloseable {

    /** Chunks fetched by one ranged GET of a sequential read, 1 MiB of plaintext, so streaming an image does not cost a request per 64 KiB. */
    public static final int READ_AHEAD_CHUNKS = 16;

    /** Chunks fetched and verified at each end of the object when it is opened, 256 KiB each. */
    public static final int END_CHUNKS = 4;

    /** Verified chunks kept in memory, 4 MiB of plaintext. */
    public static final int CACHE_CHUNKS = 64;

    private static final Logger LOG = LoggerFactory.getLogger(RangedDocument.class);

    private final ObjectStore store;
    private final String objectKey;
    private final DocumentMetadata metadata;
    private final ChunkDecrypter decrypter;
    private final ChunkCache cache = new ChunkCache(CACHE_CHUNKS);
    private Consumer<IntegrityException> integrityListener = failure -> { };
    private IntegrityException failure;
    private long fetchedBytes;
    private int nextSequentialChunk = -1;
    private boolean closed;

    private RangedDocument(ObjectStore store, String objectKey, DocumentMetadata metadata, ChunkDecrypter decrypter) {
        this.store = store;
        this.objectKey = objectKey;
        this.metadata = metadata;
        this.decrypter = decrypter;
    }

    /**
     * Opens the object of {@code record} for ranged reads: checks its header and length and verifies
     * its first and last chunks.
     *
     * @throws IntegrityException when the header differs from the recorded one, the key commitment or
     *     metadata does not verify, the object has another length, or a first or last chunk does not verify
     * @throws SealDropException {@code SD-DOWNLOAD-FAILED} or an {@code SD-S3-...} code when fetching fails
     */
    public static RangedDocument open(TransferContext context, DocumentRecord record) {
        String objectKey = record.objectKey();
        ObjectStore store = context.store();
        ChunkDecrypter decrypter;
        DocumentMetadata metadata;
        try (SecretKeyBytes documentKey = context.vaultKeys().get().unwrapDocumentKey(record.id(), record.wrappedKey())) {
            byte[] header = fetch(store, objectKey, record.id(), 0, record.header().length);
            if (!Arrays.equals(header, record.header())) {
                throw new IntegrityException("The object of document " + record.id()
                        + " has another header than the one recorded at upload; the document was altered or belongs elsewhere.");
            }
            try (ObjectDecryptor decryptor = ObjectDecryptor.open(record.id(), documentKey, ObjectHeader.parse(header))) {
                metadata = decryptor.metadata();
                decrypter = decryptor.chunkDecrypter();
            }
        }

        RangedDocument document = new RangedDocument(store, objectKey, metadata, decrypter);
        try {
            document.checkObjectLength();
            synchronized (document) {
                int last = decrypter.chunkCount() - 1;
                document.fetchBlock(0, Math.min(last, END_CHUNKS - 1));
                if (last >= END_CHUNKS) {
                    document.fetchBlock(Math.max(END_CHUNKS, last - END_CHUNKS + 1), last);
                }
            }
            return document;
        } catch (RuntimeException e) {
            document.close();
            throw e;
        }
    }

    public UUID id() {
        return decrypter.documentId();
    }

    /** Returns the verified metadata from the object's header. */
    public DocumentMetadata metadata() {
        return metadata;
    }

    /** Returns the plaintext length in bytes. */
    public long size() {
        return decrypter.plaintextSize();
    }

    /** Returns the object bytes fetched so far, the header included. */
    public synchronized long fetchedBytes() {
        return fetchedBytes;
    }

    /**
     * Sets what runs once, on the thread of the failing read, when a chunk fails verification after
     * opening; the caller records the failure there. The read still throws the failure afterwards.
     */
    public synchronized void onIntegrityFailure(Consumer<IntegrityException> listener) {
        this.integrityListener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Copies up to {@code length} verified plaintext bytes from {@code position} into {@code buffer} and
     * returns how many, or -1 at the end of the document. A read never crosses a chunk boundary, so it
     * may return fewer bytes than requested before the end.
     *
     * @throws IntegrityException when a chunk fetched for this read does not verify, or an earlier one failed
     * @throws SealDropException {@code SD-DOWNLOAD-FAILED} or an {@code SD-S3-...} code when fetching fails;
     *     a later read tries again
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized int read(long position, byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (closed) {
            throw new IllegalStateException("The ranged reader of document " + id() + " was closed.");
        }
        if (failure != null) {
            throw failure;
        }
        if (position < 0) {
            throw new IllegalArgumentException("A read position must not be negative, but was " + position + ".");
        }
        if (position >= size()) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }

        int index = (int) ObjectFormat.chunkIndexOf(position);
        byte[] plaintext = chunk(index);
        int within = (int) (position - (long) index * ObjectFormat.CHUNK_SIZE);
        int count = Math.min(length, plaintext.length - within);
        System.arraycopy(plaintext, within, buffer, offset, count);
        return count;
    }

    /** Zeroes the cached plaintext and wipes the chunk key; reads fail afterwards. Calling it again does nothing. */
    @Override
    public synchronized void close() {
        closed = true;
        cache.clear();
        decrypter.close();
    }

    private byte[] chunk(int index) {
        byte[] cached = cache.get(index);
        if (cached != null) {
            return cached;
        }

        // Read ahead only when the reader continues the previous fetch, and stop before a cached chunk.
        int blockChunks = index == nextSequentialChunk ? READ_AHEAD_CHUNKS : 1;
        int last = index;
        int end = Math.min(decrypter.chunkCount() - 1, index + blockChunks - 1);
        while (last < end && !cache.contains(last + 1)) {
            last++;
        }
        try {
            fetchBlock(index, last);
        } catch (IntegrityException e) {
            failed(e);
            throw e;
        }
        return cache.get(index);
    }

    /** Fetches chunks {@code first} to {@code last} in one ranged GET and caches each after it verified. */
    private void fetchBlock(int first, int last) {
        long start = decrypter.chunkOffset(first);
        long end = decrypter.chunkOffset(last) + decrypter.chunkCiphertextLength(last);
        byte[] ciphertext = fetch(store, objectKey, id(), start, (int) (end - start));
        fetchedBytes += ciphertext.length;

        int position = 0;
        for (int index = first; index <= last; index++) {
            // A short response gives the chunk that ends early a wrong length, which fails as an integrity error.
            int length = Math.min(decrypter.chunkCiphertextLength(index), ciphertext.length - position);
            byte[] plaintext = new byte[decrypter.chunkPlaintextLength(index)];
            decrypter.decryptChunk(index, ciphertext, position, length, plaintext);
            cache.put(index, plaintext);
            position += length;
        }
        nextSequentialChunk = last + 1;
    }

    private void checkObjectLength() {
        int last = decrypter.chunkCount() - 1;
        long expected = decrypter.chunkOffset(last) + decrypter.chunkCiphertextLength(last);
        long actual = store.head(objectKey).map(ObjectInfo::size).orElse(-1L);
        if (actual != expected) {
            throw new IntegrityException("The object of document " + id() + " has " + actual + " bytes but its header"
                    + " declares " + expected + "; the document was altered, so do not use it and report it to IT.");
        }
    }

    private void failed(IntegrityException e) {
        failure = e;
        cache.clear();
        LOG.warn("Document {} failed verification during a ranged read", id());
        try {
            integrityListener.accept(e);
        } catch (RuntimeException listenerFailure) {
            LOG.error("Recording the integrity failure of document {} failed", id(), listenerFailure);
        }
    }

    /** Returns up to {@code length} bytes from {@code start}; fewer only when the object ends early. */
    private static byte[] fetch(ObjectStore store, String objectKey, UUID id, long start, int length) {
        byte[] bytes = new byte[length];
        int filled;
        try (InputStream in = store.getRange(objectKey, start, start + length - 1)) {
            filled = in.readNBytes(bytes, 0, length);
        } catch (StorageException e) {
            if ("SD-S3-INVALID-RANGE".equals(e.errorCode())) {
                // Ranges come from the verified header, so only a shortened object puts one past its end.
                throw new IntegrityException("The object of document " + id + " ends before byte " + start
                        + " that its header declares; the document was altered, so do not use it and report it to IT.", e);
            }
            throw e;
        } catch (IOException e) {
            throw new SealDropException("SD-DOWNLOAD-FAILED", "Downloading part of document " + id + " failed ("
                    + e.getClass().getSimpleName() + "); check the network connection and try again.", e);
        }
        return filled == length ? bytes : Arrays.copyOf(bytes, filled);
    }
}
