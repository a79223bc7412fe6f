package org.sealdrop.bench.transfer;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.encryption.s3.S3EncryptionClient;

/**
 * The Amazon S3 Encryption Client for Java 4.0.0 with a raw AES keyring (a random 256-bit key in
 * memory, never KMS). Its defaults are kept: AES-256-GCM with key commitment and the commitment
 * policy that requires it.
 *
 * <p>{@code enableMultipartPutObject} makes putObject encrypt the file as one GCM stream and send
 * it as a multipart upload through the client's own {@code S3AsyncClient}, so a 1 GiB file is
 * neither held in memory nor sent as one request. {@code enableDelayedAuthenticationMode} lets
 * getObject stream plaintext before the GCM tag at the end is checked. Without it, the client
 * buffers the whole object to authenticate it first and rejects objects above its buffer size
 * (64 MiB by default). SealDrop always authenticates each 64 KiB chunk before it releases it.
 *
 * <p>Two clients with the same key: uploads use the JDK's provider, the fastest GCM here.
 * Downloads use Bouncy Castle, as the client's own large-object tests do. SunJCE's GCM releases no
 * plaintext before it has checked the tag, so with it getObject of a 1 GiB object collected the
 * whole ciphertext in one array and ran out of a 2 GiB heap.
 */
final class EncryptionClientContender implements Contender {

    private final S3EncryptionClient uploads;
    private final S3EncryptionClient downloads;
    private final String bucket;

    EncryptionClientContender(URI endpoint, AwsCredentialsProvider credentials, String bucket) {
        S3Clients.requireLoopback(endpoint);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SecretKeySpec aesKey = new SecretKeySpec(key, "AES");
        this.uploads = client(endpoint, credentials, aesKey).build();
        this.downloads = client(endpoint, credentials, aesKey).cryptoProvider(new BouncyCastleProvider()).build();
        Arrays.fill(key, (byte) 0);
        this.bucket = bucket;
    }

    private static S3EncryptionClient.Builder client(URI endpoint, AwsCredentialsProvider credentials,
            SecretKeySpec aesKey) {
        return S3EncryptionClient.builderV4()
                .aesKey(aesKey)
                .enableMultipartPutObject(true)
                .enableDelayedAuthenticationMode(true)
                .endpointOverride(endpoint)
                .region(S3Clients.REGION)
                .forcePathStyle(true)
                .credentialsProvider(credentials)
                .overrideConfiguration(S3Clients.noProfile());
    }

    @Override
    public String name() {
        return "S3 Encryption Client v4";
    }

    @Override
    public String upload(Path file) {
        String key = "s3ec/" + UUID.randomUUID();
        uploads.putObject(put -> put.bucket(bucket).key(key), RequestBody.fromFile(file));
        return key;
    }

    @Override
    public void download(String handle, Path target) {
        downloads.getObject(get -> get.bucket(bucket).key(handle), ResponseTransformer.toFile(target));
    }

    @Override
    public void delete(String handle) {
        uploads.deleteObject(delete -> delete.bucket(bucket).key(handle));
    }

    @Override
    public void close() {
        uploads.close();
        downloads.close();
    }
}
