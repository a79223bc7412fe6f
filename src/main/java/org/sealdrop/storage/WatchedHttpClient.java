package org.sealdrop.storage;

import java.io.IOException;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * The SDK's HTTP client with a hook for {@link UploadWatch}: a request sent on a thread that sends a
 * watched body is registered with that body, so that the watch can abort the request, which closes
 * its connection.
 *
 * <p>An aborted request ends in an IOException. After a cancel it ends in the watch's
 * {@code SD-CANCELLED} {@link StorageException} instead, which the SDK does not retry. After a stall
 * it ends in a {@link StalledBodyException}, which the SDK retries. Every request also gets the
 * {@link ResponseSizeLimit}.
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
        ExecutableHttpRequest prepared = new ResponseSizeLimit(delegate.prepareRequest(request), request.httpRequest());
        UploadWatch.Body body = UploadWatch.current();
        return body == null ? prepared : new WatchedRequest(prepared, body);
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
        private final UploadWatch.Body body;

        WatchedRequest(ExecutableHttpRequest request, UploadWatch.Body body) {
            this.request = request;
            this.body = body;
        }

        @Override
        public HttpExecuteResponse call() throws IOException {
            UploadWatch watch = body.watch();
            body.register(request);
            try {
                watch.throwIfCancelled();
                return request.call();
            } catch (IOException e) {
                if (watch.isCancelled()) {
                    throw watch.cancelFailure(e);
                }
                if (body.takeStall()) {
                    throw new StalledBodyException(e);
                }
                throw e;
            } finally {
                body.unregister(request);
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
