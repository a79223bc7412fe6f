package org.sealdrop.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The crypto a resumed upload needs: an encryptor rebuilt from a stored header yields the first run's
 * object byte for byte, and a source path sealed for one document opens only under that document's
 * key and id.
 */
class ResumeEncryptionTest {

    private static final int CHUNK = ObjectFormat.CHUNK_SIZE;

    @Test
    void resumedEncryptorRepeatsCiphertext() throws IOException {
        byte[] plaintext = TestObjects.randomBytes(3 * CHUNK + 17);
        TestObjects.Sealed sealed = TestObjects.seal(plaintext);

        try (SecretKeyBytes key = sealed.key()) {
            ObjectHeader header = ObjectHeader.parse(new ByteArrayInputStream(sealed.object()));
            try (ObjectEncryptor resumed = ObjectEncryptor.resume(sealed.documentId(), key, header);
                    InputStream again = resumed.encrypt(new ByteArrayInputStream(plaintext), plaintext.length)) {
                assertArrayEquals(sealed.object(), again.readAllBytes());
                assertEquals(TestObjects.metadataFor(plaintext), resumed.metadata());
            }
        }
    }

    @Test
    void resumeWithOtherKeyFails() {
        TestObjects.Sealed sealed = TestObjects.seal(TestObjects.randomBytes(100));
        ObjectHeader header = ObjectHeader.parse(new ByteArrayInputStream(sealed.object()));

        try (SecretKeyBytes otherKey = SecretKeyBytes.random(TestObjects.RANDOM)) {
            assertThrows(IntegrityException.class, () -> ObjectEncryptor.resume(sealed.documentId(), otherKey, header));
        }
    }

    @Test
    void sourcePathRoundTrips() {
        UUID id = UUID.randomUUID();
        String path = "/home/reception/Scans/Müller, Anna - referral.pdf";
        try (SecretKeyBytes key = SecretKeyBytes.random(TestObjects.RANDOM)) {
            byte[] sealed = SourcePathCipher.encrypt(key, id, path, TestObjects.RANDOM);

            assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("referral"));
            assertEquals(path, SourcePathCipher.decrypt(key, id, sealed));
        }
    }

    @Test
    void sourcePathOfOtherDocumentFails() {
        try (SecretKeyBytes key = SecretKeyBytes.random(TestObjects.RANDOM)) {
            byte[] sealed = SourcePathCipher.encrypt(key, UUID.randomUUID(), "/scans/a.pdf", TestObjects.RANDOM);

            assertThrows(IntegrityException.class, () -> SourcePathCipher.decrypt(key, UUID.randomUUID(), sealed));
        }
    }
}
