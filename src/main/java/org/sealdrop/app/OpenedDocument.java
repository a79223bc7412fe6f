package org.sealdrop.app;

import java.util.Arrays;
import java.util.UUID;
import org.sealdrop.transfer.RangedDocument;
import org.sealdrop.viewer.RangedContent;

/**
 * A verified document for the viewer, either decrypted whole into memory or read through ranged GETs.
 *
 * <p>In memory, every chunk was authenticated and the plaintext SHA-256 matched the encrypted metadata
 * before this object was created. Ranged, the header and the first and last chunks verified, and every
 * later chunk is authenticated before a byte of it is returned, but the whole-plaintext SHA-256 is not
 * checked (docs/FORMAT.md, "Reading a byte range"). {@link #close()} overwrites the plaintext or the
 * ranged reader's cache, so the viewer closes it when its window closes.
 */
public final class OpenedDocument implements AutoCloseable {

    private final DocumentSummary summary;
    private final byte[] content;
    private final RangedDocument ranged;

    public OpenedDocument(DocumentSummary summary, byte[] content) {
        this(summary, java.util.Objects.requireNonNull(content, "content"), null);
    }

    private OpenedDocument(DocumentSummary summary, byte[] content, RangedDocument ranged) {
        this.summary = summary;
        this.content = content;
        this.ranged = ranged;
    }

    /** Wraps a document opened for ranged reads; closing the result closes {@code ranged}. */
    public static OpenedDocument ranged(DocumentSummary summary, RangedDocument ranged) {
        return new OpenedDocument(summary, null, java.util.Objects.requireNonNull(ranged, "ranged"));
    }

    public DocumentSummary summary() {
        return summary;
    }

    public UUID id() {
        return summary.id();
    }

    /** Tells whether the plaintext is read through ranged GETs rather than held in memory. */
    public boolean isRanged() {
        return ranged != null;
    }

    /**
     * The decrypted bytes; the array is shared, not copied, and is zeroed by {@link #close()}.
     *
     * @throws IllegalStateException when the document is {@linkplain #isRanged() ranged}
     */
    public byte[] content() {
        if (ranged != null) {
            throw new IllegalStateException("Document " + id() + " is read in ranges; use rangedContent().");
        }
        return content;
    }

    /**
     * Returns the plaintext for reading by position. A read that fails verification throws
     * {@code SD-INTEGRITY} after the failure was recorded and the row marked damaged.
     *
     * @throws IllegalStateException when the document is held in memory
     */
    public RangedContent rangedContent() {
        if (ranged == null) {
            throw new IllegalStateException("Document " + id() + " is held in memory; use content().");
        }
        return new RangedContent() {
            @Override
            public long length() {
                return ranged.size();
            }

            @Override
            public int read(long position, byte[] buffer, int offset, int length) {
                return ranged.read(position, buffer, offset, length);
            }
        };
    }

    /**
     * Returns a copy of the first {@code maxBytes} plaintext bytes, or fewer for a shorter document,
     * such as for recognizing the file format. The caller zeroes the copy when done.
     */
    public byte[] head(int maxBytes) {
        if (ranged == null) {
            return Arrays.copyOf(content, Math.min(maxBytes, content.length));
        }
        byte[] head = new byte[(int) Math.min(maxBytes, ranged.size())];
        int filled = 0;
        while (filled < head.length) {
            filled += ranged.read(filled, head, filled, head.length - filled);
        }
        return head;
    }

    @Override
    public void close() {
        if (ranged != null) {
            ranged.close();
        } else {
            Arrays.fill(content, (byte) 0);
        }
    }
}
