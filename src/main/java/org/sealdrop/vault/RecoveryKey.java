package org.sealdrop.vault;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * The 256-bit recovery key of a vault, shown to the user once when the vault is created and stored
 * nowhere by SealDrop. {@link #close()} zeroes it. Its typed form is described in {@link RecoveryKeyCodec}.
 */
public final class RecoveryKey implements AutoCloseable {

    private final byte[] key;
    private boolean destroyed;

    private RecoveryKey(byte[] key) {
        this.key = key;
    }

    /** Draws a new recovery key from {@code random}. */
    static RecoveryKey generate(SecureRandom random) {
        byte[] key = new byte[RecoveryKeyCodec.KEY_BYTES];
        random.nextBytes(key);
        return new RecoveryKey(key);
    }

    /**
     * Parses a typed recovery key. The caller still owns {@code typed} and wipes it.
     *
     * @throws InvalidRecoveryKeyException when the text is malformed or a group fails its check
     */
    public static RecoveryKey parse(char[] typed) {
        Objects.requireNonNull(typed, "typed");
        return new RecoveryKey(RecoveryKeyCodec.decode(typed));
    }

    /** Returns the typed form (13 groups of 5 characters) in a fresh array, which the caller wipes. */
    public char[] format() {
        return RecoveryKeyCodec.encode(bytes());
    }

    /** The live key bytes, not a copy; callers must not keep or change them. */
    byte[] bytes() {
        if (destroyed) {
            throw new IllegalStateException("The recovery key was already closed.");
        }
        return key;
    }

    @Override
    public void close() {
        Arrays.fill(key, (byte) 0);
        destroyed = true;
    }

    /** Names the state only, so the key never reaches a log through string concatenation. */
    @Override
    public String toString() {
        return "RecoveryKey[" + (destroyed ? "destroyed" : "live") + "]";
    }
}
