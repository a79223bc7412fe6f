package org.sealdrop.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * A 256-bit key held in a byte array that {@link #close()} overwrites with zeros.
 *
 * <p>Use it in try-with-resources so the key leaves memory as soon as the work is done. The class is
 * not thread-safe: closing it while another thread uses {@link #bytes()} leaves that thread with zeros.
 */
public final class SecretKeyBytes implements AutoCloseable {

    /** Key length in bytes (AES-256). */
    public static final int LENGTH = 32;

    private final byte[] key;
    private boolean destroyed;

    private SecretKeyBytes(byte[] key) {
        this.key = key;
    }

    /** Creates a key of {@value #LENGTH} bytes drawn from {@code random}. */
    public static SecretKeyBytes random(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        byte[] key = new byte[LENGTH];
        random.nextBytes(key);
        return new SecretKeyBytes(key);
    }

    /**
     * Creates a key from a copy of {@code bytes}. The caller still owns {@code bytes} and wipes it.
     *
     * @throws IllegalArgumentException if {@code bytes} is not {@value #LENGTH} bytes long
     */
    public static SecretKeyBytes copyOf(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException(
                    "A key must be " + LENGTH + " bytes long, but " + bytes.length + " bytes were given.");
        }
        return new SecretKeyBytes(bytes.clone());
    }

    /**
     * Returns the live key array, not a copy. Callers must not keep a reference to it or change it.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public byte[] bytes() {
        if (destroyed) {
            throw new IllegalStateException("The key was already closed; unlock again to get a new one.");
        }
        return key;
    }

    public boolean isDestroyed() {
        return destroyed;
    }

    /** Overwrites the key with zeros. Calling it again does nothing. */
    @Override
    public void close() {
        Arrays.fill(key, (byte) 0);
        destroyed = true;
    }

    /** Names the state only, so a key never reaches a log through string concatenation. */
    @Override
    public String toString() {
        return "SecretKeyBytes[" + (destroyed ? "destroyed" : "live") + "]";
    }
}
