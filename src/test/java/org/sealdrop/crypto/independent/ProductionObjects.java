package org.sealdrop.crypto.independent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.UUID;

import org.sealdrop.crypto.DocumentMetadata;
import org.sealdrop.crypto.ObjectEncryptor;
import org.sealdrop.crypto.SecretKeyBytes;

/** Objects written by the production encoder, the only production writer these tests call. */
final class ProductionObjects {

    private ProductionObjects() {
    }

    /** An object and the inputs it was written from. */
    record Sealed(UUID documentId, byte[] documentKey, byte[] plaintext, DocumentMetadata metadata, byte[] object,
            int headerLength) {
    }

    /** Encrypts {@code plaintext} with {@code random} supplying the salt, the nonce prefix and the metadata nonce. */
    static Sealed seal(UUID documentId, byte[] documentKey, DocumentMetadata metadata, byte[] plaintext,
            SecureRandom random) {
        try (SecretKeyBytes key = SecretKeyBytes.copyOf(documentKey);
                ObjectEncryptor encryptor = ObjectEncryptor.create(documentId, key, metadata, random);
                InputStream object = encryptor.encrypt(new ByteArrayInputStream(plaintext), plaintext.length)) {
            return new Sealed(documentId, documentKey, plaintext, metadata, object.readAllBytes(),
                    encryptor.header().length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
