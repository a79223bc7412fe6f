package org.sealdrop.bench.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.encryption.s3.S3EncryptionClient;

/**
 * The Amazon S3 Encryption Client for Java 4.0.0 with its defaults: algorithm suite
 * {@code ALG_AES_256_GCM_HKDF_SHA512_COMMIT_KEY} (one AES-256-GCM message over the whole object,
 * key commitment) and a raw AES keyring that wraps each object's data key. Its {@code putObject}
 * and {@code getObject} run against {@link InMemoryS3}, so the figures contain its whole content
 * pipeline (an asynchronous request body fed from the plaintext stream on a thread of its own,
 * and a buffered, authenticate-then-release decryption) but no network and no S3 server.
 */
public class S3EncryptionClientBench {

    private static final String BUCKET = "benchmark";
    private static final String KEY = "object";

    @State(Scope.Thread)
    public static class Client {

        final InMemoryS3 s3 = new InMemoryS3();
        final byte[] readBuffer = new byte[Payload.READ_BUFFER_SIZE];
        S3EncryptionClient client;
        int objectLength;

        /** Builds the client and stores one encrypted object for the decrypt benchmark. */
        @Setup(Level.Trial)
        public void encryptPayload(Payload payload) throws Exception {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            SecretKey wrappingKey = generator.generateKey();
            client = S3EncryptionClient.builderV4()
                    .wrappedClient(new InMemoryS3.UnusedSyncClient())
                    .wrappedAsyncClient(s3)
                    .aesKey(wrappingKey)
                    // The default buffer of 64 MiB is too small for a 64 MiB object and its tag.
                    .setBufferSize(2L * payload.size + 1024 * 1024)
                    .build();
            client.putObject(request -> request.bucket(BUCKET).key(KEY), RequestBody.fromBytes(payload.plaintext));
            objectLength = s3.body(KEY).length;
            s3.discardBodies();
        }

        @TearDown(Level.Trial)
        public void close() {
            client.close();
        }
    }

    @Benchmark
    public void encrypt(Payload payload, Client client) {
        InputStream plaintext = new ByteArrayInputStream(payload.plaintext);
        client.client.putObject(request -> request.bucket(BUCKET).key("discarded"),
                RequestBody.fromInputStream(plaintext, payload.size));
        Payload.checkLength("S3 Encryption Client encrypt", client.objectLength, client.s3.lastDiscardedLength());
    }

    @Benchmark
    public void decrypt(Payload payload, Client client, Blackhole blackhole) throws IOException {
        try (InputStream plaintext = client.client.getObject(request -> request.bucket(BUCKET).key(KEY),
                ResponseTransformer.toInputStream())) {
            Payload.checkLength("S3 Encryption Client decrypt", payload.size,
                    Payload.drain(plaintext, client.readBuffer, blackhole));
        }
    }
}
