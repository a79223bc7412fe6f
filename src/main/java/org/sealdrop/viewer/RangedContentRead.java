package org.sealdrop.viewer;

import java.io.IOException;
import java.util.Arrays;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadView;
import org.sealdrop.SealDropException;

/**
 * PDFBox's {@link RandomAccessRead} over {@link RangedContent}, so that PDFBox fetches only the parts
 * of a PDF it parses: the header, the cross-reference data at the end, then objects on demand.
 *
 * <p>PDFBox may catch an {@link IOException} and carry on, for example by rebuilding a damaged
 * cross-reference table. So the first {@link SealDropException} from the content is kept, and
 * {@link #throwIfFailed()} lets the renderer report it whatever PDFBox did with it. Every later
 * read fails too, because PDFBox may have kept a broken object; {@link RangedPdfRenderer} starts
 * over with a new source when the failure was not a verification failure. A small buffer serves PDFBox's many single-byte reads; {@link #close()}
 * zeroes it.
 */
final class RangedContentRead implements RandomAccessRead {

    private static final int BUFFER_SIZE = 8192;

    private final RangedContent content;
    private final long length;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private long bufferStart;
    private int bufferLength;
    private long position;
    private boolean closed;
    private SealDropException failure;

    RangedContentRead(RangedContent content) {
        this.content = content;
        this.length = content.length();
    }

    /** Throws the first failure of the content, if any read failed. */
    void throwIfFailed() {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        int value = Byte.toUnsignedInt(buffer[(int) (position - bufferStart)]);
        position++;
        return value;
    }

    @Override
    public int read(byte[] target, int offset, int count) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, count, target.length);
        if (count == 0) {
            return 0;
        }
        int copied = 0;
        while (copied < count && fill()) {
            int start = (int) (position - bufferStart);
            int step = Math.min(count - copied, bufferLength - start);
            System.arraycopy(buffer, start, target, offset + copied, step);
            copied += step;
            position += step;
        }
        return copied == 0 ? -1 : copied;
    }

    @Override
    public long getPosition() throws IOException {
        checkOpen();
        return position;
    }

    @Override
    public void seek(long newPosition) throws IOException {
        checkOpen();
        if (newPosition < 0) {
            throw new IOException("Invalid seek position " + newPosition + ".");
        }
        position = Math.min(newPosition, length);
    }

    @Override
    public long length() throws IOException {
        checkOpen();
        return length;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isEOF() throws IOException {
        checkOpen();
        return position >= length;
    }

    @Override
    public RandomAccessReadView createView(long startPosition, long streamLength) throws IOException {
        checkOpen();
        return new RandomAccessReadView(this, startPosition, streamLength);
    }

    /** Zeroes the buffer; the content itself belongs to the caller. */
    @Override
    public void close() {
        closed = true;
        Arrays.fill(buffer, (byte) 0);
        bufferLength = 0;
    }

    /** Makes the byte at {@link #position} available in the buffer; returns false at the end. */
    private boolean fill() throws IOException {
        checkOpen();
        if (position >= length) {
            return false;
        }
        if (position >= bufferStart && position < bufferStart + bufferLength) {
            return true;
        }
        if (failure != null) {
            throw new IOException("An earlier read of this document failed.", failure);
        }

        int read;
        try {
            read = content.read(position, buffer, 0, BUFFER_SIZE);
        } catch (SealDropException e) {
            failure = e;
            Arrays.fill(buffer, (byte) 0);
            bufferLength = 0;
            throw new IOException("Reading the document at byte " + position + " failed.", e);
        }
        if (read <= 0) {
            // The content declared length() bytes, so a read before that point must return some.
            throw new IOException("The document ended at byte " + position + " of " + length + ".");
        }
        bufferStart = position;
        bufferLength = read;
        return true;
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("The PDF source was closed.");
        }
    }
}
