package org.sealdrop.bench.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The baseline: JDK AES-256-GCM ({@code AES/GCM/NoPadding}, default provider) over 64 KiB records,
 * one {@code init} and one {@code doFinal} per record with a fresh 12-byte nonce, no associated
 * data, into a reused output buffer. 64 KiB is SealDrop's chunk size and the record size at which the
 * JDK's GCM runs fastest, so this is the machine's limit for the cipher.
 */
public class RawGcmBench {

    static final int RECORD_SIZE = 64 * 1024;
    static final int TAG_SIZE = 16;
    static final int NONCE_SIZE = 12;

    /** One key and cipher per trial; the nonce is a random 4-byte prefix and a 64-bit record counter. */
    @State(Scope.Thread)
    public static class Records {

        final Cipher cipher;
        final SecretKeySpec key;
        final byte[] nonce = new byte[NONCE_SIZE];
        final byte[] output = new byte[RECORD_SIZE + TAG_SIZE];
        long counter;
        byte[] ciphertext;
        int recordCount;

        public Records() {
            try {
                cipher = Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("This Java runtime lacks AES/GCM/NoPadding.", e);
            }
            byte[] keyBytes = new byte[32];
            SecureRandom random = new SecureRandom();
            random.nextBytes(keyBytes);
            key = new SecretKeySpec(keyBytes, "AES");
            random.nextBytes(nonce);
        }

        /** Encrypts the payload once, records with nonces 0 to n-1, for the decrypt benchmark. */
        @Setup(Level.Trial)
        public void encryptPayload(Payload payload) throws GeneralSecurityException {
            recordCount = (payload.size + RECORD_SIZE - 1) / RECORD_SIZE;
            ciphertext = new byte[payload.size + recordCount * TAG_SIZE];
            int out = 0;
            for (int record = 0; record < recordCount; record++) {
                int offset = record * RECORD_SIZE;
                int length = Math.min(RECORD_SIZE, payload.size - offset);
                init(Cipher.ENCRYPT_MODE, record);
                out += cipher.doFinal(payload.plaintext, offset, length, ciphertext, out);
            }
            counter = recordCount;
        }

        void init(int mode, long recordNumber) throws GeneralSecurityException {
            ByteBuffer.wrap(nonce, 4, 8).putLong(recordNumber);
            cipher.init(mode, key, new GCMParameterSpec(TAG_SIZE * 8, nonce));
        }
    }

    @Benchmark
    public void encrypt(Payload payload, Records records, Blackhole blackhole) throws GeneralSecurityException {
        byte[] plaintext = payload.plaintext;
        for (int offset = 0; offset < plaintext.length; offset += RECORD_SIZE) {
            int length = Math.min(RECORD_SIZE, plaintext.length - offset);
            records.init(Cipher.ENCRYPT_MODE, records.counter++);
            blackhole.consume(records.cipher.doFinal(plaintext, offset, length, records.output, 0));
            blackhole.consume(records.output);
        }
    }

    @Benchmark
    public void decrypt(Payload payload, Records records, Blackhole blackhole) throws GeneralSecurityException {
        byte[] ciphertext = records.ciphertext;
        int offset = 0;
        for (int record = 0; record < records.recordCount; record++) {
            int length = Math.min(RECORD_SIZE + TAG_SIZE, ciphertext.length - offset);
            records.init(Cipher.DECRYPT_MODE, record);
            blackhole.consume(records.cipher.doFinal(ciphertext, offset, length, records.output, 0));
            blackhole.consume(records.output);
            offset += length;
        }
    }
}
