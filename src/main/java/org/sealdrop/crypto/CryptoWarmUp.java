package org.sealdrop.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the chunk encryption and SHA-256 on dummy data once per process, so that the JIT compiles
 * their fast paths before the first real upload needs them.
 *
 * <p>In a fresh JVM, AES-GCM and SHA-256 run as bytecode until their callers have run thousands of
 * times. Only then does the JIT compile them with the processor's AES and carry-less multiply
 * instructions. A chunk of 64 KiB is one call, so the first large upload ran about half of its first
 * GiB that slowly. Many short calls reach the same compile thresholds with little data. The dummy key
 * and data are random and never leave this class.
 */
public final class CryptoWarmUp {

    /** Calls per operation: above the JIT's thresholds for compiling a method and its callers. */
    static final int CALLS = 12_000;
    /** Bytes per call: enough blocks to take the bulk path of GCM and SHA-256, little data in total. */
    static final int CALL_SIZE = 2048;

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private CryptoWarmUp() {
    }

    /**
     * Starts the warm-up on a daemon thread of minimum priority, once per process, and returns at once
     * on later calls. Returns without waiting, so callers such as the window's unlock are not delayed.
     *
     * @return the thread, or {@code null} when an earlier call already started it
     */
    public static Thread startInBackground() {
        if (!STARTED.compareAndSet(false, true)) {
            return null;
        }
        Thread thread = new Thread(CryptoWarmUp::run, "crypto-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        return thread;
    }

    /** Encrypts and hashes {@value #CALLS} dummy chunks of {@value #CALL_SIZE} bytes on this thread. */
    static void run() {
        SecureRandom random = new SecureRandom();
        byte[] noncePrefix = new byte[ObjectFormat.NONCE_PREFIX_SIZE];
        byte[] associatedData = new byte[32];
        byte[] plaintext = new byte[CALL_SIZE];
        byte[] ciphertext = new byte[CALL_SIZE + ObjectFormat.TAG_SIZE];
        random.nextBytes(noncePrefix);
        random.nextBytes(plaintext);
        MessageDigest sha256 = Sha256.newDigest();
        try (SecretKeyBytes key = SecretKeyBytes.random(random)) {
            ChunkCipher cipher = new ChunkCipher(key, noncePrefix, associatedData);
            for (int i = 0; i < CALLS; i++) {
                cipher.encrypt(i, false, plaintext, 0, CALL_SIZE, ciphertext);
                sha256.update(ciphertext, 0, CALL_SIZE);
            }
        }
        sha256.digest();
    }
}
