package org.sealdrop.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The bound of the verified-chunk cache and the zeroing of every chunk that leaves it. */
class ChunkCacheTest {

    private static byte[] filled(int value) {
        byte[] chunk = new byte[32];
        Arrays.fill(chunk, (byte) value);
        return chunk;
    }

    @Test
    void leastRecentlyUsedChunkIsEvictedAndZeroed() {
        ChunkCache cache = new ChunkCache(2);
        byte[] first = filled(1);
        byte[] second = filled(2);
        byte[] third = filled(3);
        cache.put(0, first);
        cache.put(1, second);
        cache.get(0);

        cache.put(2, third);

        assertEquals(2, cache.size());
        assertNull(cache.get(1));
        assertArrayEquals(new byte[32], second, "the evicted chunk is zeroed");
        assertSame(first, cache.get(0));
        assertArrayEquals(filled(3), cache.get(2));
    }

    @Test
    void replacedChunkIsZeroed() {
        ChunkCache cache = new ChunkCache(4);
        byte[] old = filled(5);
        cache.put(7, old);

        cache.put(7, filled(6));

        assertArrayEquals(new byte[32], old);
        assertArrayEquals(filled(6), cache.get(7));
    }

    @Test
    void clearZeroesEveryChunk() {
        ChunkCache cache = new ChunkCache(4);
        byte[] first = filled(1);
        byte[] second = filled(2);
        cache.put(0, first);
        cache.put(1, second);

        cache.clear();

        assertEquals(0, cache.size());
        assertArrayEquals(new byte[32], first);
        assertArrayEquals(new byte[32], second);
    }

    @Test
    void capacityBelowOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ChunkCache(0));
    }
}
