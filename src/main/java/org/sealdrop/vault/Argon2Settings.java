package org.sealdrop.vault;

import java.security.SecureRandom;
import org.sealdrop.crypto.Argon2Parameters;

/**
 * Argon2id cost for new key files. Production uses {@link #DEFAULT} (64 MiB, 3 passes, about a third
 * of a second on a 2-core build machine); tests may pass a cheaper setting, which still passes the
 * key file's lower bound.
 */
public record Argon2Settings(int memoryKiB, int iterations, int parallelism) {

    public static final Argon2Settings DEFAULT = new Argon2Settings(64 * 1024, 3, 1);

    Argon2Parameters newParameters(SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return new Argon2Parameters(memoryKiB, iterations, parallelism, salt);
    }
}
