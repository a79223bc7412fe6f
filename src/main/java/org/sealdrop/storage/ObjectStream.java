package org.sealdrop.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * A downloaded object's content that aborts the HTTP connection when closed before its end.
 *
 * <p>Closing the SDK's stream early would otherwise read the rest of the object only to reuse the
 * connection, which for a large object means downloading it all.
 */
final class ObjectStream extends FilterInputStream {

    private final ResponseInputStream<?> response;
    private boolean ended;

    ObjectStream(ResponseInputStream<?> response) {
        super(response);
        this.response = response;
    }

    @Override
    public int read() throws IOException {
        int value = super.read();
        ended |= value < 0;
        return value;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        int count = super.read(target, offset, length);
        ended |= count < 0;
        return count;
    }

    @Override
    public void close() throws IOException {
        if (!ended) {
            response.abort();
        }
        super.close();
    }
}
