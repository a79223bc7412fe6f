package org.sealdrop.crypto;

import java.nio.ByteBuffer;
import java.util.UUID;

/** Converts a UUID to and from 16 bytes in the order of its text form (most significant 64 bits first). */
final class Uuids {

    private Uuids() {
    }

    static byte[] toBytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }

    static UUID fromBytes(byte[] bytes, int offset) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, 16);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
