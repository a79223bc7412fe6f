package org.sealdrop.crypto.independent;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

import org.sealdrop.crypto.ObjectDecryptor;
import org.sealdrop.crypto.SecretKeyBytes;
import org.sealdrop.crypto.independent.format.IndependentDecoder;
import org.sealdrop.crypto.independent.format.OpenedObject;

/**
 * What a reader released from an object before it failed (or all of it), and the failure. Both readers
 * read from a {@link ByteArrayInputStream} over the first {@code length} bytes, so a truncation loop
 * needs no copies.
 *
 * @param failure the exception the reader raised, or null when it read to the end
 */
record ReadOutcome(byte[] released, RuntimeException failure) {

    /** Reads with the production {@code ObjectDecryptor}, in reads of one chunk. */
    static ReadOutcome production(UUID expectedId, byte[] documentKey, byte[] object, int length) {
        ByteArrayOutputStream released = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(object, 0, length);
        try (SecretKeyBytes key = SecretKeyBytes.copyOf(documentKey);
                ObjectDecryptor decryptor = ObjectDecryptor.open(expectedId, key, in);
                InputStream plaintext = decryptor.decrypt(in)) {
            byte[] buffer = new byte[65536];
            int n;
            while ((n = plaintext.read(buffer)) != -1) {
                released.write(buffer, 0, n);
            }
            return new ReadOutcome(released.toByteArray(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return new ReadOutcome(released.toByteArray(), e);
        }
    }

    /** Reads with the independent decoder. */
    static ReadOutcome independent(UUID expectedId, byte[] documentKey, byte[] object, int length) {
        ByteArrayOutputStream released = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(object, 0, length);
        try (OpenedObject opened = IndependentDecoder.open(expectedId, documentKey, in)) {
            opened.decryptChunks(in, released);
            return new ReadOutcome(released.toByteArray(), null);
        } catch (RuntimeException e) {
            return new ReadOutcome(released.toByteArray(), e);
        }
    }
}
