package org.sealdrop.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

/** Builds documents and objects for the tests. */
final class TestObjects {

    static final SecureRandom RANDOM = new SecureRandom();
    static final Instant ADDED_AT = Instant.parse("2025-01-02T03:04:05Z");

    private TestObjects() {
    }

    /** Returns {@code length} bytes where byte i is i mod 251, so chunks differ from each other. */
    static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i % 251);
        }
        return bytes;
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static DocumentMetadata metadataFor(byte[] plaintext) {
        return new DocumentMetadata("Referral letter.pdf", "application/pdf", plaintext.length,
                sha256Hex(plaintext), "MRN-004711", "dr.keller", ADDED_AT);
    }

    /** An object and the inputs it was made from. */
    record Sealed(UUID documentId, byte[] documentKey, byte[] plaintext, byte[] object, int headerLength) {

        SecretKeyBytes key() {
            return SecretKeyBytes.copyOf(documentKey);
        }

        byte[] header() {
            return Arrays.copyOf(object, headerLength);
        }

        byte[] chunks() {
            return Arrays.copyOfRange(object, headerLength, object.length);
        }

        /** Returns the ciphertext chunk {@code index}, tag included. */
        byte[] chunk(int index) {
            long start = ObjectFormat.chunkOffset(headerLength, index);
            long end = Math.min(start + ObjectFormat.CIPHERTEXT_CHUNK_SIZE, object.length);
            return Arrays.copyOfRange(object, (int) start, (int) end);
        }
    }

    static Sealed seal(byte[] plaintext) {
        return seal(UUID.randomUUID(), randomBytes(32), plaintext);
    }

    static Sealed seal(UUID documentId, byte[] documentKey, byte[] plaintext) {
        try (SecretKeyBytes key = SecretKeyBytes.copyOf(documentKey);
                ObjectEncryptor encryptor = ObjectEncryptor.create(documentId, key, metadataFor(plaintext), RANDOM);
                InputStream object = encryptor.encrypt(new ByteArrayInputStream(plaintext), plaintext.length)) {
            return new Sealed(documentId, documentKey, plaintext, object.readAllBytes(), encryptor.header().length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens and decrypts a whole object; any failure propagates. */
    static byte[] open(UUID expectedId, byte[] documentKey, byte[] object) {
        try (SecretKeyBytes key = SecretKeyBytes.copyOf(documentKey)) {
            InputStream in = new ByteArrayInputStream(object);
            try (ObjectDecryptor decryptor = ObjectDecryptor.open(expectedId, key, in);
                    InputStream plaintext = decryptor.decrypt(in)) {
                return plaintext.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a reader got from an object before it failed, or all of it when nothing failed. */
    record Outcome(byte[] released, RuntimeException failure) {
    }

    /**
     * Opens and reads an object in small reads, keeping every byte released before a failure, so a
     * test can check that only whole verified chunks came out.
     */
    static Outcome readUntilFailure(UUID expectedId, byte[] documentKey, byte[] object) {
        ByteArrayOutputStream released = new ByteArrayOutputStream();
        try (SecretKeyBytes key = SecretKeyBytes.copyOf(documentKey)) {
            InputStream in = new ByteArrayInputStream(object);
            try (ObjectDecryptor decryptor = ObjectDecryptor.open(expectedId, key, in);
                    InputStream plaintext = decryptor.decrypt(in)) {
                byte[] buffer = new byte[4093];
                int n;
                while ((n = plaintext.read(buffer)) != -1) {
                    released.write(buffer, 0, n);
                }
            }
            return new Outcome(released.toByteArray(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return new Outcome(released.toByteArray(), e);
        }
    }
}
