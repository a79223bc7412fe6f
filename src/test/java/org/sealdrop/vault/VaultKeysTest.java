package org.sealdrop.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.sealdrop.crypto.KeyWrapping;
import org.sealdrop.crypto.SecretKeyBytes;

/** Wrapping and unwrapping document keys through {@link VaultKeys}, and closing while a wrap runs. */
class VaultKeysTest {

    private static final Argon2Settings CHEAP = new Argon2Settings(19 * 1024, 1, 1);
    private static final char[] PASSPHRASE = "a long clinic passphrase".toCharArray();

    @Test
    void wrappedKeyUnwrapsToSameKey() {
        VaultKeys keys = newVault();
        UUID documentId = UUID.randomUUID();
        try (SecretKeyBytes documentKey = SecretKeyBytes.random(new SecureRandom())) {
            byte[] wrapped = keys.wrapDocumentKey(documentId, documentKey, new SecureRandom());

            assertEquals(1, KeyWrapping.vaultKeyVersionOf(wrapped));
            try (SecretKeyBytes unwrapped = keys.unwrapDocumentKey(documentId, wrapped)) {
                assertArrayEquals(documentKey.bytes(), unwrapped.bytes());
            }
        }
        keys.close();
    }

    @Test
    void closedKeysRejectWrapAndUnwrap() {
        VaultKeys keys = newVault();
        UUID documentId = UUID.randomUUID();
        SecretKeyBytes documentKey = SecretKeyBytes.random(new SecureRandom());
        byte[] wrapped = keys.wrapDocumentKey(documentId, documentKey, new SecureRandom());
        byte[] live = keys.current().bytes();

        keys.close();

        assertArrayEquals(new byte[SecretKeyBytes.LENGTH], live);
        assertTrue(keys.isClosed());
        assertThrows(VaultLockedException.class, () -> keys.wrapDocumentKey(documentId, documentKey, new SecureRandom()));
        assertThrows(VaultLockedException.class, () -> keys.unwrapDocumentKey(documentId, wrapped));
        documentKey.close();
    }

    /**
     * Closing while a wrap runs must wait for it, or the wrap could read a half-zeroed vault key and
     * store a document key that nothing can unwrap. The wrap draws its nonce from a random source
     * that blocks until the test releases it, so the close is sure to arrive mid-wrap.
     */
    @Test
    void closeWaitsForWrapInProgress() throws Exception {
        BlockingRandom random = new BlockingRandom();
        VaultKeys keys = newVault();
        byte[] live = keys.current().bytes();
        byte[] vaultKeyCopy = live.clone();
        UUID documentId = UUID.randomUUID();
        SecretKeyBytes documentKey = SecretKeyBytes.random(new SecureRandom());
        AtomicReference<byte[]> wrapped = new AtomicReference<>();

        Thread wrapper = new Thread(() -> wrapped.set(keys.wrapDocumentKey(documentId, documentKey, random)), "wrapper");
        wrapper.start();
        assertTrue(random.entered.await(30, TimeUnit.SECONDS), "the wrap reached the nonce draw");
        Thread closer = new Thread(keys::close, "closer");
        closer.start();
        while (closer.getState() != Thread.State.BLOCKED) {
            assertTrue(closer.isAlive(), "close returned while the wrap was still running");
            Thread.onSpinWait();
        }
        assertArrayEquals(vaultKeyCopy, live, "the vault key is intact while close waits");
        random.release.countDown();
        wrapper.join(TimeUnit.SECONDS.toMillis(30));
        closer.join(TimeUnit.SECONDS.toMillis(30));

        assertTrue(keys.isClosed());
        assertArrayEquals(new byte[SecretKeyBytes.LENGTH], live, "close zeroed the vault key after the wrap");
        try (SecretKeyBytes vaultKey = SecretKeyBytes.copyOf(vaultKeyCopy);
                SecretKeyBytes unwrapped = KeyWrapping.unwrapDocumentKey(vaultKey, documentId, wrapped.get())) {
            assertArrayEquals(documentKey.bytes(), unwrapped.bytes());
        }
        documentKey.close();
    }

    private static VaultKeys newVault() {
        return new VaultKeyFiles(new SecureRandom(), Clock.systemUTC(), CHEAP).create(PASSPHRASE.clone()).keys();
    }

    /** Fills nonces with zeros after waiting for {@link #release}; only for drawing one nonce. */
    private static final class BlockingRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        final transient CountDownLatch entered = new CountDownLatch(1);
        final transient CountDownLatch release = new CountDownLatch(1);

        @Override
        public void nextBytes(byte[] bytes) {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
