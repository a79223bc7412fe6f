package org.sealdrop.crypto;

import java.security.SecureRandom;
import java.security.SecureRandomSpi;

/**
 * Deterministic "random" source of the test vectors: it returns 0x00, 0x01, ..., 0xff, 0x00, ... across
 * all calls, starting at 0x00. Never use it outside tests.
 */
final class CounterRandom extends SecureRandom {

    private static final long serialVersionUID = 1L;

    CounterRandom() {
        super(new CounterSpi(), null);
    }

    private static final class CounterSpi extends SecureRandomSpi {

        private static final long serialVersionUID = 1L;

        private int next;

        @Override
        protected void engineSetSeed(byte[] seed) {
            // A fixed stream: seeding is ignored so the vectors stay reproducible.
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) next;
                next = (next + 1) & 0xff;
            }
        }

        @Override
        protected byte[] engineGenerateSeed(int length) {
            byte[] seed = new byte[length];
            engineNextBytes(seed);
            return seed;
        }
    }
}
