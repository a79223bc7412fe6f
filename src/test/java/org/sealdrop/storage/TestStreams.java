package org.sealdrop.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

/** Content streams for upload tests: deterministic bytes, and streams that fail partway. */
final class TestStreams {

    static final int MIB = 1024 * 1024;

    private TestStreams() {
    }

    /** Returns {@code count} pseudo-random bytes; the same seed gives the same bytes. */
    static byte[] randomBytes(int count, long seed) {
        byte[] bytes = new byte[count];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Returns a stream over {@code content} that throws {@code failure} once {@code failAfter} bytes were read. */
    static InputStream failingAfter(byte[] content, int failAfter, RuntimeException failure) {
        return new FailingStream(content, failAfter, failure);
    }

    /** Returns a stream over {@code content} that throws an IOException once {@code failAfter} bytes were read. */
    static InputStream failingAfter(byte[] content, int failAfter) {
        return new FailingStream(content, failAfter, null);
    }

    private static final class FailingStream extends InputStream {

        private final ByteArrayInputStream content;
        private final int failAfter;
        private final RuntimeException uncheckedFailure;
        private int position;

        FailingStream(byte[] content, int failAfter, RuntimeException uncheckedFailure) {
            this.content = new ByteArrayInputStream(content);
            this.failAfter = failAfter;
            this.uncheckedFailure = uncheckedFailure;
        }

        @Override
        public int read() throws IOException {
            byte[] single = new byte[1];
            return read(single, 0, 1) < 0 ? -1 : single[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (position >= failAfter) {
                if (uncheckedFailure != null) {
                    throw uncheckedFailure;
                }
                throw new IOException("simulated disk read failure");
            }
            int count = content.read(target, offset, Math.min(length, failAfter - position));
            if (count > 0) {
                position += count;
            }
            return count;
        }
    }
}
