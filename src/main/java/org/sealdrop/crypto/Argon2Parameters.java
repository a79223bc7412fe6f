package org.sealdrop.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Argon2id cost parameters and salt, as recorded in a key file.
 *
 * <p>The limits reject values that the Argon2 specification forbids, and values so large that a
 * damaged or hostile key file would exhaust memory or stall an unlock for hours.
 *
 * @param memoryKiB memory in KiB, at least 8 per lane
 * @param iterations number of passes over the memory
 * @param parallelism number of lanes
 * @param salt random salt, at least 8 bytes; the accessor returns a copy
 */
public record Argon2Parameters(int memoryKiB, int iterations, int parallelism, byte[] salt) {

    public static final int DEFAULT_MEMORY_KIB = 65536;  // 64 MiB
    public static final int DEFAULT_ITERATIONS = 3;
    // Bouncy Castle 1.87 fills lanes one after another, so more lanes cost the same time and add no speed.
    public static final int DEFAULT_PARALLELISM = 1;
    public static final int DEFAULT_SALT_LENGTH = 16;

    public static final int MIN_SALT_LENGTH = 8;
    public static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;  // 4 GiB
    public static final int MAX_ITERATIONS = 1000;
    public static final int MAX_PARALLELISM = 64;

    /**
     * @throws IllegalArgumentException when a value is outside the limits above
     */
    public Argon2Parameters {
        Objects.requireNonNull(salt, "salt");
        check(parallelism >= 1 && parallelism <= MAX_PARALLELISM,
                "Argon2 parallelism must be 1 to " + MAX_PARALLELISM + ", but was " + parallelism + ".");
        check(memoryKiB >= 8 * parallelism && memoryKiB <= MAX_MEMORY_KIB,
                "Argon2 memory must be " + 8 * parallelism + " to " + MAX_MEMORY_KIB + " KiB, but was " + memoryKiB + ".");
        check(iterations >= 1 && iterations <= MAX_ITERATIONS,
                "Argon2 iterations must be 1 to " + MAX_ITERATIONS + ", but was " + iterations + ".");
        check(salt.length >= MIN_SALT_LENGTH,
                "An Argon2 salt must have at least " + MIN_SALT_LENGTH + " bytes, but had " + salt.length + ".");
        salt = salt.clone();
    }

    /** Returns 64 MiB, 3 passes, parallelism 1 and a 16-byte salt drawn from {@code random}. */
    public static Argon2Parameters defaults(SecureRandom random) {
        byte[] salt = new byte[DEFAULT_SALT_LENGTH];
        random.nextBytes(salt);
        return new Argon2Parameters(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM, salt);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Argon2Parameters p && memoryKiB == p.memoryKiB && iterations == p.iterations
                && parallelism == p.parallelism && Arrays.equals(salt, p.salt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(memoryKiB, iterations, parallelism, Arrays.hashCode(salt));
    }

    @Override
    public String toString() {
        return "Argon2Parameters[memoryKiB=" + memoryKiB + ", iterations=" + iterations + ", parallelism="
                + parallelism + ", salt=" + HexFormat.of().formatHex(salt) + "]";
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
