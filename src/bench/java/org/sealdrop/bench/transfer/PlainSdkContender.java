package org.sealdrop.bench.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * The baseline: the file uploaded unencrypted with aws-sdk-java-v2's {@link S3Client}, as a
 * straightforward multipart upload with SealDrop's part size, multipart threshold and number of
 * threads, and downloaded with one GetObject streamed to a file. The SDK's own multipart clients are
 * not used: S3TransferManager is not available offline here, and the Java multipart
 * {@code S3AsyncClient} downloads with {@code GET ?partNumber=}, which S3Proxy 4.1.0 rejects.
 *
 * <p>Each thread reads its part from the file at the part's offset into its own buffer, so memory is
 * {@code partSize × parallelism}, one buffer fewer than SealDrop's encrypting reader needs.
 */
final class PlainSdkContender implements Contender {

    private final S3Client s3;
    private final String bucket;
    private final long threshold;
    private final int partSize;
    private final ExecutorService threads;
    private final ThreadLocal<byte[]> buffers;

    PlainSdkContender(URI endpoint, AwsCredentialsProvider credentials, String bucket, long threshold, int partSize,
            int parallelism) {
        this.s3 = S3Clients.plain(endpoint, credentials, parallelism);
        this.bucket = bucket;
        this.threshold = threshold;
        this.partSize = partSize;
        this.threads = Executors.newFixedThreadPool(parallelism);
        this.buffers = ThreadLocal.withInitial(() -> new byte[partSize]);
    }

    @Override
    public String name() {
        return "plain SDK";
    }

    @Override
    public String upload(Path file) {
        String key = "plain/" + UUID.randomUUID();
        try {
            long length = Files.size(file);
            if (length <= threshold) {
                s3.putObject(put -> put.bucket(bucket).key(key), RequestBody.fromFile(file));
            } else {
                uploadMultipart(file, key, length);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return key;
    }

    private void uploadMultipart(Path file, String key, long length) throws IOException {
        String uploadId = s3.createMultipartUpload(create -> create.bucket(bucket).key(key)).uploadId();
        List<Future<CompletedPart>> parts = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            int partNumber = 1;
            for (long offset = 0; offset < length; offset += partSize, partNumber++) {
                int number = partNumber;
                long position = offset;
                int size = (int) Math.min(partSize, length - offset);
                parts.add(threads.submit(() -> uploadPart(channel, key, uploadId, number, position, size)));
            }
            List<CompletedPart> completed = new ArrayList<>(parts.size());
            for (Future<CompletedPart> part : parts) {
                completed.add(part.get());
            }
            s3.completeMultipartUpload(complete -> complete.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(upload -> upload.parts(completed)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The plain upload was interrupted", e);
        } catch (ExecutionException e) {
            s3.abortMultipartUpload(abort -> abort.bucket(bucket).key(key).uploadId(uploadId));
            throw new IllegalStateException("A part of the plain upload failed", e.getCause());
        }
    }

    private CompletedPart uploadPart(FileChannel channel, String key, String uploadId, int partNumber, long position,
            int size) throws IOException {
        byte[] buffer = buffers.get();
        ByteBuffer target = ByteBuffer.wrap(buffer, 0, size);
        while (target.hasRemaining()) {
            if (channel.read(target, position + target.position()) < 0) {
                throw new IOException("The source file ended before part " + partNumber);
            }
        }
        // A content provider over the buffer, as SealDrop's BufferBody, so the SDK copies nothing.
        RequestBody body = RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, size), size,
                "application/octet-stream");
        String eTag = s3.uploadPart(part -> part.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber),
                body).eTag();
        return CompletedPart.builder().partNumber(partNumber).eTag(eTag).build();
    }

    @Override
    public void download(String handle, Path target) {
        s3.getObject(get -> get.bucket(bucket).key(handle), ResponseTransformer.toFile(target));
    }

    @Override
    public void delete(String handle) {
        s3.deleteObject(delete -> delete.bucket(bucket).key(handle));
    }

    @Override
    public void close() {
        threads.shutdownNow();
        s3.close();
    }
}
