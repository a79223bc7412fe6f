package org.sealdrop.storage;

import java.io.IOException;
import java.net.SocketTimeoutException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Reads small objects such as the vault key file whole into memory, with a size limit, so that an
 * endpoint that sends an endless or oversized body cannot exhaust the heap.
 */
final class SmallObjects {

    /** The largest small object read: 1 MiB, for the vault key file and the self-test's probe object. */
    static final int MAX_BYTES = 1024 * 1024;

    private SmallObjects() {
    }

    /**
     * Reads {@code response} to its end and closes it.
     *
     * @throws StorageException {@code SD-S3-TOO-LARGE} when the object declares or sends more than
     *     {@link #MAX_BYTES}, {@code SD-S3-TIMEOUT} when no byte arrives for the socket timeout, or
     *     {@code SD-S3-FAILED} when the connection breaks before the end
     */
    static byte[] readAll(ResponseInputStream<GetObjectResponse> response, String key, String where) {
        try (response) {
            Long declared = response.response().contentLength();
            if (declared != null && declared > MAX_BYTES) {
                response.abort();
                throw tooLarge(key, where, declared);
            }
            byte[] bytes = response.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                response.abort();
                throw tooLarge(key, where, bytes.length);
            }
            return bytes;
        } catch (SocketTimeoutException e) {
            throw new StorageException("SD-S3-TIMEOUT", "The download of " + key + " from " + where
                    + " stopped receiving data; check the network connection and try again.", e);
        } catch (IOException e) {
            throw new StorageException("SD-S3-FAILED", "The download of " + key + " from " + where + " broke off ("
                    + e.getClass().getSimpleName() + "); check the network connection and try again.", e);
        }
    }

    private static StorageException tooLarge(String key, String where, long bytes) {
        return new StorageException("SD-S3-TOO-LARGE", "The object " + key + " in " + where + " has at least " + bytes
                + " bytes, more than the " + MAX_BYTES + " expected of it; check that the endpoint is the vault's"
                + " S3 service, and tell IT.");
    }
}
