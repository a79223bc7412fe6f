package org.sealdrop.crypto.independent;

import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.util.Random;

import org.sealdrop.crypto.independent.format.FormatV1;
import org.sealdrop.crypto.independent.format.IndependentEncoder;

/**
 * Reproducible "random" sources for the production encoder, which draws its salt and nonces from a
 * {@link SecureRandom}. Never use them outside tests.
 */
final class FixedRandom {

    private FixedRandom() {
    }

    /** Returns the source of the FORMAT.md test vectors: 0x00, 0x01, ..., 0xff, 0x00, ... across all calls. */
    static SecureRandom counter() {
        int[] next = {0};
        return of(bytes -> {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) next[0];
                next[0] = (next[0] + 1) & 0xff;
            }
        });
    }

    /** Returns a source that draws from {@code new Random(seed)}, so a failing case can be replayed. */
    static SecureRandom seeded(long seed) {
        Random random = new Random(seed);
        return of(random::nextBytes);
    }

    /** Returns {@code count} bytes where byte i is the counter source's byte i. */
    static byte[] counterBytes(int count) {
        byte[] bytes = new byte[count];
        counter().nextBytes(bytes);
        return bytes;
    }

    /**
     * Draws the salt, the nonce prefix and the metadata nonce with one call each, in the order the
     * writer draws them, because a source may give different bytes for one call of 51 bytes.
     */
    static IndependentEncoder.RandomValues drawRandomValues(SecureRandom random) {
        byte[] salt = new byte[FormatV1.SALT_SIZE];
        byte[] noncePrefix = new byte[FormatV1.NONCE_PREFIX_SIZE];
        byte[] metadataNonce = new byte[FormatV1.NONCE_SIZE];
        random.nextBytes(salt);
        random.nextBytes(noncePrefix);
        random.nextBytes(metadataNonce);
        return new IndependentEncoder.RandomValues(salt, noncePrefix, metadataNonce);
    }

    private interface ByteSource {
        void fill(byte[] bytes);
    }

    private static SecureRandom of(ByteSource source) {
        return new SecureRandom(new Spi(source), null) {
            private static final long serialVersionUID = 1L;
        };
    }

    private static final class Spi extends SecureRandomSpi {

        private static final long serialVersionUID = 1L;

        private final transient ByteSource source;

        Spi(ByteSource source) {
            this.source = source;
        }

        @Override
        protected void engineSetSeed(byte[] seed) {
            // Seeding is ignored so the stream stays reproducible.
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            source.fill(bytes);
        }

        @Override
        protected byte[] engineGenerateSeed(int length) {
            byte[] seed = new byte[length];
            source.fill(seed);
            return seed;
        }
    }
}
