package org.sealdrop.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * A size limit on the response bodies that the SDK reads whole into memory: listings, multipart
 * results and every error body. Without it an endpoint that sends an endless XML body grows the heap
 * until the attempt timeout, which may be minutes away. The content of a successful GetObject is
 * streamed to SealDrop's readers, which stop at the length they expect, so it is not limited here.
 */
final class ResponseSizeLimit implements ExecutableHttpRequest {

    /**
     * 2 MiB. A ListObjectsV2 page of 1,000 keys of the maximum 1,024 bytes is about 1.4 MB (an
     * estimate), and an S3 error body is under 1 KiB. The limit stays close to that because the SDK
     * keeps several times the body's size while it parses XML: with 16 MiB, an endless listing
     * exhausted a 128 MiB heap in {@code LowHeapHostileTest}.
     */
    static final long MAX_BYTES = 2L * 1024 * 1024;

    private final ExecutableHttpRequest request;
    private final SdkHttpRequest httpRequest;

    ResponseSizeLimit(ExecutableHttpRequest request, SdkHttpRequest httpRequest) {
        this.request = request;
        this.httpRequest = httpRequest;
    }

    @Override
    public HttpExecuteResponse call() throws IOException {
        HttpExecuteResponse response = request.call();
        if (response.responseBody().isEmpty() || isObjectContent(response)) {
            return response;
        }
        AbortableInputStream body = response.responseBody().get();
        return HttpExecuteResponse.builder()
                .response(response.httpResponse())
                .responseBody(AbortableInputStream.create(new LimitedStream(body), body::abort))
                .build();
    }

    @Override
    public void abort() {
        request.abort();
    }

    /** Tells whether the response is the content of a GetObject: a successful GET of a key without a sub-resource. */
    private boolean isObjectContent(HttpExecuteResponse response) {
        return response.httpResponse().isSuccessful() && httpRequest.method() == SdkHttpMethod.GET
                && httpRequest.rawQueryParameters().isEmpty();
    }

    /**
     * Fails a read once more than {@link #MAX_BYTES} arrived, so the SDK ends the attempt with an
     * IOException. It aborts the connection first, because closing the stream would read the rest of
     * the declared body in order to reuse the connection.
     */
    private static final class LimitedStream extends FilterInputStream {

        private final AbortableInputStream body;
        private long remaining = MAX_BYTES;

        LimitedStream(AbortableInputStream body) {
            super(body);
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            int value = super.read();
            if (value >= 0) {
                count(1);
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                count(read);
            }
            return read;
        }

        private void count(int bytes) throws IOException {
            remaining -= bytes;
            if (remaining < 0) {
                body.abort();
                throw new IOException("The S3 response body is larger than " + MAX_BYTES + " bytes");
            }
        }
    }
}
