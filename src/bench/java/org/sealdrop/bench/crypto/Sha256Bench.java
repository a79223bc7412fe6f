package org.sealdrop.bench.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A reference row, not a competitor: the JDK's SHA-256 over the payload in 64 KiB updates. SealDrop
 * hashes the whole plaintext while it encrypts and decrypts, to compare it with the SHA-256 in the
 * authenticated metadata, so this rate bounds SealDrop's throughput together with the GCM rate.
 */
public class Sha256Bench {

    @State(Scope.Thread)
    public static class Digest {
        MessageDigest sha256;

        @Setup(Level.Trial)
        public void create() throws NoSuchAlgorithmException {
            sha256 = MessageDigest.getInstance("SHA-256");
        }
    }

    @Benchmark
    public void hash(Payload payload, Digest digest, Blackhole blackhole) {
        byte[] plaintext = payload.plaintext;
        for (int offset = 0; offset < plaintext.length; offset += Payload.READ_BUFFER_SIZE) {
            digest.sha256.update(plaintext, offset, Math.min(Payload.READ_BUFFER_SIZE, plaintext.length - offset));
        }
        blackhole.consume(digest.sha256.digest());
    }
}
