package org.sealdrop.selftest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.sealdrop.crypto.DocumentMetadata;
import org.sealdrop.crypto.ObjectDecryptor;
import org.sealdrop.crypto.ObjectEncryptor;
import org.sealdrop.crypto.ObjectFormat;
import org.sealdrop.crypto.SecretKeyBytes;

/**
 * Encrypts random bytes into an object of the real format (header and chunks) and decrypts it again,
 * so a runtime without AES-GCM or HKDF fails here rather than at the first upload.
 */
final class CryptoCheck implements SelfTestCheck {

    @Override
    public String name() {
        return "crypto";
    }

    @Override
    public String run(Path workFolder) throws Exception {
        SecureRandom random = new SecureRandom();
        // Two full chunks and a partial last one, so chunk indexes and the last-chunk handling are exercised.
        byte[] plaintext = new byte[2 * ObjectFormat.CHUNK_SIZE + 1000];
        random.nextBytes(plaintext);
        UUID documentId = UUID.randomUUID();
        DocumentMetadata metadata = new DocumentMetadata("self-test.bin", "application/octet-stream",
                plaintext.length, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(plaintext)), null, "self-test", Instant.now());

        byte[] object;
        try (SecretKeyBytes documentKey = SecretKeyBytes.random(random)) {
            try (ObjectEncryptor encryptor = ObjectEncryptor.create(documentId, documentKey, metadata, random);
                    InputStream encrypted = encryptor.encrypt(new ByteArrayInputStream(plaintext), plaintext.length)) {
                object = encrypted.readAllBytes();
            }

            byte[] decrypted;
            InputStream in = new ByteArrayInputStream(object);
            try (ObjectDecryptor decryptor = ObjectDecryptor.open(documentId, documentKey, in);
                    InputStream cleartext = decryptor.decrypt(in)) {
                decrypted = cleartext.readAllBytes();
            }
            if (!Arrays.equals(plaintext, decrypted)) {
                throw new IllegalStateException("the decrypted bytes differ from the encrypted ones");
            }
        }
        return "encrypted and decrypted " + plaintext.length + " bytes (" + object.length + " bytes of object)";
    }
}
