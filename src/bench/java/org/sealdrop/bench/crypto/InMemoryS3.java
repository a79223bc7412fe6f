package org.sealdrop.bench.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * An S3 stand-in in memory, for the S3 Encryption Client's wrapped clients: no HTTP client, no
 * endpoint, no credentials, so nothing can leave the process. It implements only the calls the
 * encryption client's single-part put and get make; every other S3 call fails with the SDK's
 * {@link UnsupportedOperationException}.
 *
 * <p>A put either keeps the body (to prepare the decrypt benchmark) or counts and discards it; a get
 * publishes the kept body in 64 KiB buffers, as an HTTP client hands a body over in pieces.
 */
final class InMemoryS3 implements S3AsyncClient {

    private record StoredObject(Map<String, String> metadata, byte[] body) {
    }

    private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();
    private volatile boolean keepBodies = true;
    private volatile long lastDiscardedLength;

    /** Makes later puts count and discard their bodies instead of keeping them. */
    void discardBodies() {
        keepBodies = false;
    }

    /** Returns the body length of the last discarded put. */
    long lastDiscardedLength() {
        return lastDiscardedLength;
    }

    /** Returns the stored body of {@code key}, or {@code null}. */
    byte[] body(String key) {
        StoredObject stored = objects.get(key);
        return stored == null ? null : stored.body();
    }

    @Override
    public CompletableFuture<PutObjectResponse> putObject(PutObjectRequest request, AsyncRequestBody body) {
        CompletableFuture<PutObjectResponse> done = new CompletableFuture<>();
        boolean keep = keepBodies;
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        body.subscribe(new Subscriber<ByteBuffer>() {
            private long length;

            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer buffer) {
                length += buffer.remaining();
                if (keep) {
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    received.writeBytes(bytes);
                } else {
                    buffer.position(buffer.limit());
                }
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                if (keep) {
                    objects.put(request.key(), new StoredObject(Map.copyOf(request.metadata()), received.toByteArray()));
                } else {
                    lastDiscardedLength = length;
                }
                done.complete(PutObjectResponse.builder().eTag("\"in-memory\"").build());
            }
        });
        return done;
    }

    @Override
    public <T> CompletableFuture<T> getObject(GetObjectRequest request,
            AsyncResponseTransformer<GetObjectResponse, T> transformer) {
        StoredObject stored = objects.get(request.key());
        if (stored == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "The in-memory S3 stand-in has no object " + request.key() + "."));
        }

        CompletableFuture<T> result = transformer.prepare();
        transformer.onResponse(GetObjectResponse.builder()
                .metadata(stored.metadata())
                .contentLength((long) stored.body().length)
                .eTag("\"in-memory\"")
                .build());
        transformer.onStream(AsyncRequestBody.fromByteBuffersUnsafe(slices(stored.body())));
        return result;
    }

    private static ByteBuffer[] slices(byte[] body) {
        List<ByteBuffer> slices = new ArrayList<>();
        for (int offset = 0; offset < body.length; offset += Payload.READ_BUFFER_SIZE) {
            slices.add(ByteBuffer.wrap(body, offset, Math.min(Payload.READ_BUFFER_SIZE, body.length - offset)).slice());
        }
        return slices.toArray(ByteBuffer[]::new);
    }

    @Override
    public String serviceName() {
        return S3Client.SERVICE_NAME;
    }

    @Override
    public void close() {
        objects.clear();
    }

    /** The synchronous wrapped client, which the single-part put and get never call. */
    static final class UnusedSyncClient implements S3Client {
        @Override
        public String serviceName() {
            return S3Client.SERVICE_NAME;
        }

        @Override
        public void close() {
        }
    }
}
