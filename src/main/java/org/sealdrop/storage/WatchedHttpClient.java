package org.sealdrop.storage;

import java.io.IOException;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * The SDK's HTTP client with a hook for {@link UploadWatch}: a request sent on a thread that runs
 * under a watch is registered with it, so that stopping the upload aborts the request and closes its
 * connection.
 *
 * <p>An aborted request would otherwise end in an IOException, which the SDK retries. Here it ends
 * in the watch's {@link StorageException} instead, which the SDK does not retry.
 */
final class WatchedHttpClient implements SdkHttpClient {

    private final SdkHttpClient delegate;

    WatchedHttpClient(SdkHttpClient delegate) {
        this.delegate = delegate;
    }

    /** Returns a builder that wraps what {@code delegate} builds, so the SDK still owns and closes the client. */
    static SdkHttpClient.Builder<?> wrapping(SdkHttpClient.Builder<?> delegate) {
        return new Builder(delegate);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        ExecutableHttpRequest prepared = delegate.prepareRequest(request);
        UploadWatch watch = UploadWatch.current();
        return watch == null ? prepared : new WatchedRequest(prepared, watch);
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }

    private static final class WatchedRequest implements ExecutableHttpRequest {

        private final ExecutableHttpRequest request;
        private final UploadWatch watch;

        WatchedRequest(ExecutableHttpRequest request, UploadWatch watch) {
            this.request = request;
            this.watch = watch;
        }

        @Override
        public HttpExecuteResponse call() throws IOException {
            watch.register(request);
            try {
                watch.throwIfStopped();
                return request.call();
            } catch (IOException e) {
                if (watch.isStopped()) {
                    throw watch.failure(e);
                }
                throw e;
            } finally {
                watch.unregister(request);
            }
        }

        @Override
        public void abort() {
            request.abort();
        }
    }

    private static final class Builder implements SdkHttpClient.Builder<Builder> {

        private final SdkHttpClient.Builder<?> delegate;

        Builder(SdkHttpClient.Builder<?> delegate) {
            this.delegate = delegate;
        }

        @Override
        public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
            return new WatchedHttpClient(delegate.buildWithDefaults(serviceDefaults));
        }
    }
}
