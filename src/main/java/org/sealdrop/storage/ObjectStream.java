package org.sealdrop.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import software.amazon.awssdk.core.ResponseInputStream;

/**
 * A downloaded object's content that aborts the HTTP connection when closed before its end.
 *
 * <p>Closing the SDK's stream early would otherwise read the rest of the object only to reuse the
 * connection, which for a large object means downloading it all.
 *
 * <p>A read that receives no byte for the socket timeout of {@link ConnectionSettings} throws a
 * {@link StorageException} with code {@code SD-S3-TIMEOUT} rather than an IOException, so that a stalled
 * download fails with the same code as a stalled request.
 */
final class ObjectStream extends FilterInputStream {

    private final ResponseInputStream<?> response;
    private final String timeoutMessage;
    private boolean ended;

    /** @param timeoutMessage the message of the {@code SD-S3-TIMEOUT} failure when a read stalls */
    ObjectStream(ResponseInputStream<?> response, String timeoutMessage) {
        super(response);
        this.response = response;
        this.timeoutMessage = timeoutMessage;
    }

    @Override
    public int read() throws IOException {
        try {
            int value = super.read();
            ended |= value < 0;
            return value;
        } catch (SocketTimeoutException e) {
            throw stalled(e);
        }
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        try {
            int count = super.read(target, offset, length);
            ended |= count < 0;
            return count;
        } catch (SocketTimeoutException e) {
            throw stalled(e);
        }
    }

    private StorageException stalled(SocketTimeoutException cause) {
        return new StorageException("SD-S3-TIMEOUT", timeoutMessage, cause);
    }

    @Override
    public void close() throws IOException {
        if (!ended) {
            response.abort();
        }
        super.close();
    }
}
