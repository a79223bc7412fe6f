package org.sealdrop.transfer;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Verified plaintext chunks of one document, at most {@code capacity} of them. The least recently
 * used chunk is evicted first, and every chunk is zeroed when it leaves the cache, so plaintext does
 * not linger on the heap beyond the bound. Not thread-safe: {@link RangedDocument} locks around it.
 */
final class ChunkCache {

    private final int capacity;
    private final LinkedHashMap<Integer, byte[]> chunks = new LinkedHashMap<>(16, 0.75f, true);

    ChunkCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("A chunk cache needs room for at least one chunk, not " + capacity + ".");
        }
        this.capacity = capacity;
    }

    /** Returns the cached plaintext of chunk {@code index}, or null; the array stays owned by the cache. */
    byte[] get(int index) {
        return chunks.get(index);
    }

    boolean contains(int index) {
        return chunks.containsKey(index);
    }

    /** Adds a verified chunk and evicts, zeroing them, the least recently used chunks above the capacity. */
    void put(int index, byte[] plaintext) {
        byte[] replaced = chunks.put(index, plaintext);
        if (replaced != null && replaced != plaintext) {
            Arrays.fill(replaced, (byte) 0);
        }

        Iterator<Map.Entry<Integer, byte[]>> oldestFirst = chunks.entrySet().iterator();
        while (chunks.size() > capacity) {
            Arrays.fill(oldestFirst.next().getValue(), (byte) 0);
            oldestFirst.remove();
        }
    }

    int size() {
        return chunks.size();
    }

    /** Zeroes and drops every chunk. */
    void clear() {
        for (byte[] plaintext : chunks.values()) {
            Arrays.fill(plaintext, (byte) 0);
        }
        chunks.clear();
    }
}
