package org.sealdrop.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * An input stream that hands out the bytes of one chunk at a time from a buffer. Subclasses refill
 * {@link #output} in {@link #ensureAvailable()} and set {@link #position} and {@link #limit}.
 */
abstract class ChunkBufferStream extends InputStream {

    protected final byte[] output;
    protected int position;
    protected int limit;

    ChunkBufferStream(byte[] output) {
        this.output = output;
    }

    /** Makes at least one byte available in the output buffer; returns {@code false} at the end of the stream. */
    protected abstract boolean ensureAvailable() throws IOException;

    @Override
    public int read() throws IOException {
        if (!ensureAvailable()) {
            return -1;
        }
        return output[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        if (!ensureAvailable()) {
            return -1;
        }
        int count = Math.min(length, limit - position);
        System.arraycopy(output, position, buffer, offset, count);
        position += count;
        return count;
    }

    @Override
    public int available() {
        return limit - position;
    }
}
