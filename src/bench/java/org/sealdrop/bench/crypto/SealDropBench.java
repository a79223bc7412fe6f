package org.sealdrop.bench.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.sealdrop.crypto.ChunkDecrypter;
import org.sealdrop.crypto.DocumentMetadata;
import org.sealdrop.crypto.ObjectDecryptor;
import org.sealdrop.crypto.ObjectEncryptor;
import org.sealdrop.crypto.ObjectFormat;
import org.sealdrop.crypto.SecretKeyBytes;

/**
 * SealDrop's object format through the API the upload and download code uses: per object,
 * {@link ObjectEncryptor#create} (HKDF key derivation, key commitment, metadata encryption) and
 * {@link ObjectEncryptor#encrypt}, read to the end; {@link ObjectDecryptor#open} (header checks,
 * commitment, metadata) and {@link ObjectDecryptor#decrypt}, read to the end. Both streams also
 * hash the plaintext and compare it with the SHA-256 in the metadata, as they do in the app.
 *
 * <p>Not measured: the app's first pass over the file, which computes that SHA-256 before
 * encryption starts, and the wrapping of the document key under the vault key.
 *
 * <p>Two more benchmarks take the whole-plaintext SHA-256 out, to show what the chunk layer alone
 * costs: {@link #encryptParts} encrypts the object as 8 MiB runs of chunks, as a multipart upload's
 * parts, which skip the hash; {@link #decryptChunks} decrypts every chunk with the
 * {@link ChunkDecrypter} that the viewer's ranged reads use.
 */
public class SealDropBench {

    /** One document id and key per trial; each operation still writes a new object with a fresh salt. */
    @State(Scope.Thread)
    public static class Document {

        final SecureRandom random = new SecureRandom();
        final UUID documentId = UUID.randomUUID();
        final byte[] readBuffer = new byte[Payload.READ_BUFFER_SIZE];
        final byte[] chunkBuffer = new byte[ObjectFormat.CHUNK_SIZE];
        SecretKeyBytes documentKey;
        DocumentMetadata metadata;
        byte[] object;

        /** Encrypts the payload once for the decrypt benchmark. */
        @Setup(Level.Trial)
        public void encryptPayload(Payload payload) throws IOException {
            documentKey = SecretKeyBytes.random(random);
            metadata = new DocumentMetadata("benchmark.bin", "application/octet-stream", payload.size,
                    payload.sha256Hex, null, "benchmark", Instant.now());
            try (ObjectEncryptor encryptor = ObjectEncryptor.create(documentId, documentKey, metadata, random);
                    InputStream encrypted = encryptor.encrypt(new ByteArrayInputStream(payload.plaintext), payload.size)) {
                object = encrypted.readAllBytes();
            }
        }

        @TearDown(Level.Trial)
        public void wipeKey() {
            documentKey.close();
        }
    }

    @Benchmark
    public long encrypt(Payload payload, Document document, Blackhole blackhole) throws IOException {
        try (ObjectEncryptor encryptor = ObjectEncryptor.create(document.documentId, document.documentKey,
                document.metadata, document.random);
                InputStream encrypted = encryptor.encrypt(new ByteArrayInputStream(payload.plaintext), payload.size)) {
            long read = Payload.drain(encrypted, document.readBuffer, blackhole);
            Payload.checkLength("SealDrop encrypt", document.object.length, read);
            return read;
        }
    }

    @Benchmark
    public long decrypt(Payload payload, Document document, Blackhole blackhole) throws IOException {
        InputStream object = new ByteArrayInputStream(document.object);
        try (ObjectDecryptor decryptor = ObjectDecryptor.open(document.documentId, document.documentKey, object);
                InputStream plaintext = decryptor.decrypt(object)) {
            long read = Payload.drain(plaintext, document.readBuffer, blackhole);
            Payload.checkLength("SealDrop decrypt", payload.size, read);
            return read;
        }
    }

    /** Chunks per part in {@link #encryptParts}: 8 MiB, a common multipart upload part size. */
    private static final int CHUNKS_PER_PART = 128;

    @Benchmark
    public long encryptParts(Payload payload, Document document, Blackhole blackhole) throws IOException {
        long total = 0;
        try (ObjectEncryptor encryptor = ObjectEncryptor.create(document.documentId, document.documentKey,
                document.metadata, document.random)) {
            blackhole.consume(encryptor.header());
            for (int first = 0; first < encryptor.chunkCount(); first += CHUNKS_PER_PART) {
                int count = Math.min(CHUNKS_PER_PART, encryptor.chunkCount() - first);
                int offset = first * ObjectFormat.CHUNK_SIZE;
                InputStream part = new ByteArrayInputStream(payload.plaintext, offset, payload.size - offset);
                try (InputStream encrypted = encryptor.encryptChunks(part, first, count)) {
                    total += Payload.drain(encrypted, document.readBuffer, blackhole);
                }
            }
        }
        return total;
    }

    @Benchmark
    public long decryptChunks(Payload payload, Document document, Blackhole blackhole) {
        long total = 0;
        InputStream object = new ByteArrayInputStream(document.object);
        try (ObjectDecryptor decryptor = ObjectDecryptor.open(document.documentId, document.documentKey, object);
                ChunkDecrypter decrypter = decryptor.chunkDecrypter()) {
            for (int chunk = 0; chunk < decrypter.chunkCount(); chunk++) {
                total += decrypter.decryptChunk(chunk, document.object, Math.toIntExact(decrypter.chunkOffset(chunk)),
                        decrypter.chunkCiphertextLength(chunk), document.chunkBuffer);
                blackhole.consume(document.chunkBuffer);
            }
        }
        Payload.checkLength("SealDrop chunk decrypt", payload.size, total);
        return total;
    }
}
