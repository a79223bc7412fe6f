package org.sealdrop.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.sealdrop.SealDropException;
import org.sealdrop.crypto.IntegrityException;
import org.sealdrop.crypto.ObjectFormat;
import org.sealdrop.crypto.ObjectHeader;
import org.sealdrop.storage.ObjectInfo;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.storage.StorageException;

/**
 * Downloads what an index rebuild needs of one object: a HEAD request for its size and user metadata,
 * and its header by ranged GET. The header declares its own length in its first 10 bytes, so one GET
 * of the first {@value #FIRST_RANGE_LENGTH} bytes covers any header of up to that length. A longer
 * header (at most {@value ObjectFormat#MAX_HEADER_LENGTH} bytes) costs a second GET for the rest.
 * No chunk is ever downloaded.
 */
final class HeaderFetcher {

    /** Bytes of the first ranged GET. A header fits when its metadata JSON has at most 3840 bytes, which covers typical names. */
    static final int FIRST_RANGE_LENGTH = 4096;

    private final ObjectStore store;

    HeaderFetcher(ObjectStore store) {
        this.store = store;
    }

    /**
     * Returns the object's HEAD result and its header bytes, not yet verified, or empty when the object
     * was deleted before it could be read.
     *
     * @throws IntegrityException when the object is too short for its header or does not start with one
     * @throws StorageException when an S3 request fails for another reason than a missing object
     * @throws SealDropException {@code SD-DOWNLOAD-FAILED} when the connection breaks during the download
     */
    Optional<FetchedHeader> fetch(UUID id, String key) {
        Optional<ObjectInfo> head = store.head(key);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        ObjectInfo info = head.get();
        if (info.size() < ObjectFormat.MIN_HEADER_LENGTH) {
            throw tooShort(id, info.size());
        }

        try {
            byte[] start = read(id, key, 0, (int) Math.min(info.size(), FIRST_RANGE_LENGTH));
            int length = ObjectHeader.readLength(start);
            if (length > info.size()) {
                throw tooShort(id, info.size());
            }
            byte[] header = Arrays.copyOf(start, length);
            if (length > start.length) {
                byte[] rest = read(id, key, start.length, length - start.length);
                System.arraycopy(rest, 0, header, start.length, rest.length);
            }
            return Optional.of(new FetchedHeader(info, header));
        } catch (StorageException e) {
            if ("SD-S3-NOT-FOUND".equals(e.errorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private byte[] read(UUID id, String key, long offset, int length) {
        try (InputStream in = store.getRange(key, offset, offset + length - 1)) {
            byte[] bytes = in.readNBytes(length);
            if (bytes.length < length) {
                throw new IntegrityException("The object of document " + id + " ended after " + (offset + bytes.length)
                        + " bytes, before the end of its header; it was truncated or replaced during the scan, so sync again.");
            }
            // Reading the end of the range lets the connection be reused. A server that ignored the range
            // and sent more is cut off when the stream closes, before the rest arrives.
            in.read();
            return bytes;
        } catch (IOException e) {
            throw new SealDropException("SD-DOWNLOAD-FAILED", "Downloading the header of document " + id + " failed ("
                    + e.getClass().getSimpleName() + "); check the network connection and sync again.", e);
        }
    }

    private static IntegrityException tooShort(UUID id, long size) {
        return new IntegrityException("The object of document " + id + " has only " + size
                + " bytes, too few for its header, so it was truncated or is not a SealDrop object: report it to IT.");
    }

    /**
     * @param info size, ETag and user metadata from the HEAD request
     * @param header the object's first bytes, exactly as long as the header declares; not yet verified
     */
    record FetchedHeader(ObjectInfo info, byte[] header) {
    }
}
