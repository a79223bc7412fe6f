package org.sealdrop.bench.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The plaintext every benchmark encrypts: {@code size} random bytes, created once per trial so that
 * all libraries in one fork see the same bytes. Random bytes keep any compression or pattern from
 * helping one library.
 */
@State(Scope.Benchmark)
public class Payload {

    /** 1 MiB shows the per-object cost (key derivation, header, key wrapping); 64 MiB the bulk rate. */
    @Param({"1048576", "67108864"})
    public int size;

    /** The bytes to encrypt. */
    public byte[] plaintext;

    /** SHA-256 of {@link #plaintext}, 64 lowercase hex digits, as SealDrop's first pass computes it. */
    public String sha256Hex;

    /** Read size of every stream sink, the same for all libraries. */
    static final int READ_BUFFER_SIZE = 64 * 1024;

    @Setup(Level.Trial)
    public void create() throws GeneralSecurityException {
        JitWarmUp.run();
        plaintext = new byte[size];
        new SplittableRandom(20261205L).nextBytes(plaintext);
        sha256Hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plaintext));
    }

    /**
     * Reads {@code in} to its end with {@link #READ_BUFFER_SIZE} reads and hands every filled buffer
     * to the blackhole, so no read can be removed as dead code. Returns the number of bytes read.
     */
    static long drain(InputStream in, byte[] buffer, Blackhole blackhole) throws IOException {
        long total = 0;
        int read;
        while ((read = in.read(buffer, 0, buffer.length)) != -1) {
            blackhole.consume(buffer);
            total += read;
        }
        return total;
    }

    /** Fails the benchmark when a library returned a different number of bytes than expected. */
    static void checkLength(String operation, long expected, long actual) {
        if (expected != actual) {
            throw new IllegalStateException(operation + " returned " + actual + " bytes instead of " + expected + ".");
        }
    }
}
