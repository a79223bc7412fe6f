package org.sealdrop.bench.crypto;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.security.SecureRandom;

import org.cryptomator.cryptolib.api.Cryptor;
import org.cryptomator.cryptolib.api.CryptorProvider;
import org.cryptomator.cryptolib.api.Masterkey;
import org.cryptomator.cryptolib.common.DecryptingReadableByteChannel;
import org.cryptomator.cryptolib.common.EncryptingWritableByteChannel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cryptomator's cryptolib 2.2.1 file content encryption in its {@code SIV_GCM} scheme:
 * AES-256-GCM over 32 KiB chunks, its own fixed chunk size, through the streaming channels
 * {@link EncryptingWritableByteChannel} and {@link DecryptingReadableByteChannel} (authenticated).
 * Each operation writes a new file header with a fresh content key, as a new file does.
 */
public class CryptolibBench {

    @State(Scope.Thread)
    public static class Vault {

        final ByteBuffer readBuffer = ByteBuffer.allocate(Payload.READ_BUFFER_SIZE);
        Cryptor cryptor;
        byte[] file;

        /** Encrypts the payload once for the decrypt benchmark. */
        @Setup(Level.Trial)
        public void encryptPayload(Payload payload) throws IOException {
            SecureRandom random = new SecureRandom();
            cryptor = CryptorProvider.forScheme(CryptorProvider.Scheme.SIV_GCM).provide(Masterkey.generate(random), random);
            ByteArrayOutputStream collected = new ByteArrayOutputStream();
            try (var channel = new EncryptingWritableByteChannel(Channels.newChannel(collected), cryptor)) {
                channel.write(ByteBuffer.wrap(payload.plaintext));
            }
            file = collected.toByteArray();
        }

        @TearDown(Level.Trial)
        public void destroy() {
            cryptor.destroy();
        }
    }

    @Benchmark
    public void encrypt(Payload payload, Vault vault, Blackhole blackhole) throws IOException {
        DiscardingChannel sink = new DiscardingChannel(blackhole);
        try (var channel = new EncryptingWritableByteChannel(sink, vault.cryptor)) {
            byte[] plaintext = payload.plaintext;
            for (int offset = 0; offset < plaintext.length; offset += Payload.READ_BUFFER_SIZE) {
                channel.write(ByteBuffer.wrap(plaintext, offset, Math.min(Payload.READ_BUFFER_SIZE, plaintext.length - offset)));
            }
        }
        Payload.checkLength("cryptolib encrypt", vault.file.length, sink.written);
    }

    @Benchmark
    public void decrypt(Payload payload, Vault vault, Blackhole blackhole) throws IOException {
        long total = 0;
        try (var channel = new DecryptingReadableByteChannel(new ArrayChannel(vault.file), vault.cryptor, true)) {
            ByteBuffer buffer = vault.readBuffer;
            int read;
            while ((read = channel.read(buffer.clear())) != -1) {
                blackhole.consume(buffer);
                total += read;
            }
        }
        Payload.checkLength("cryptolib decrypt", payload.size, total);
    }

    /** Hands every written buffer to the blackhole and counts its bytes. */
    static final class DiscardingChannel implements WritableByteChannel {
        private final Blackhole blackhole;
        long written;

        DiscardingChannel(Blackhole blackhole) {
            this.blackhole = blackhole;
        }

        @Override
        public int write(ByteBuffer source) {
            int count = source.remaining();
            blackhole.consume(source);
            source.position(source.limit());
            written += count;
            return count;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    /** Reads an array without the 8 KiB transfer limit of {@code Channels.newChannel}. */
    static final class ArrayChannel implements ReadableByteChannel {
        private final ByteBuffer source;

        ArrayChannel(byte[] bytes) {
            this.source = ByteBuffer.wrap(bytes).asReadOnlyBuffer();
        }

        @Override
        public int read(ByteBuffer target) {
            if (!source.hasRemaining()) {
                return -1;
            }
            int count = Math.min(target.remaining(), source.remaining());
            target.put(source.slice().limit(count));
            source.position(source.position() + count);
            return count;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
