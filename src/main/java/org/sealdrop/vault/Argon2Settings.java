package org.sealdrop.vault;

/**
 * Argon2id cost for new key files and changed passphrases. Production uses {@link #DEFAULT}: 64 MiB,
 * 3 passes, 1 lane. On the 2-core build machine that took about 0.16 s in a warm JVM and 0.55 s as the
 * first derivation of a fresh JVM, which is how most unlocks run. docs/SECURITY.md has the
 * measurements and the estimate for office PCs. Tests may pass a cheaper setting, which still passes
 * the key file's lower bound of 19 MiB.
 */
public record Argon2Settings(int memoryKiB, int iterations, int parallelism) {

    public static final Argon2Settings DEFAULT = new Argon2Settings(64 * 1024, 3, 1);
}
