package org.sealdrop.app;

import java.util.Arrays;
import java.util.UUID;

/**
 * A verified, decrypted document held in memory for the viewer. Every chunk was authenticated and
 * the plaintext SHA-256 matched the encrypted metadata before this object was created.
 * {@link #close()} overwrites the plaintext, so the viewer closes it when its window closes.
 */
public final class OpenedDocument implements AutoCloseable {

    private final DocumentSummary summary;
    private final byte[] content;

    public OpenedDocument(DocumentSummary summary, byte[] content) {
        this.summary = summary;
        this.content = content;
    }

    public DocumentSummary summary() {
        return summary;
    }

    public UUID id() {
        return summary.id();
    }

    /** The decrypted bytes; the array is shared, not copied, and is zeroed by {@link #close()}. */
    public byte[] content() {
        return content;
    }

    @Override
    public void close() {
        Arrays.fill(content, (byte) 0);
    }
}
