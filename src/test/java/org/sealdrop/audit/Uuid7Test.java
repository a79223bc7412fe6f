package org.sealdrop.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class Uuid7Test {

    @Test
    void versionAndVariantBits() {
        for (int i = 0; i < 1000; i++) {
            UUID id = Uuid7.next();
            assertEquals(7, id.version(), id.toString());
            assertEquals(2, id.variant(), id.toString());
            assertEquals('7', id.toString().charAt(14), id.toString());
            assertTrue("89ab".indexOf(id.toString().charAt(19)) >= 0, id.toString());
        }
    }

    @Test
    void timestampIsUnixMillis() {
        long millis = 1_773_480_413_589L;
        Uuid7 generator = new Uuid7(() -> millis, new Random(1));

        UUID id = generator.generate();

        assertEquals(Instant.ofEpochMilli(millis), Uuid7.timestampOf(id));
        assertTrue(id.toString().startsWith(String.format("%08x-%04x", millis >>> 16, millis & 0xFFFF)), id.toString());
    }

    @Test
    void laterMillisecondSortsLater() {
        AtomicLong clock = new AtomicLong(1_000_000);
        Uuid7 generator = new Uuid7(clock::get, new Random(2));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            clock.addAndGet(1 + (i % 3));
            ids.add(generator.generate().toString());
        }
        assertStrictlyIncreasing(ids);
    }

    @Test
    void monotonicWithinOneMillisecond() {
        Uuid7 generator = new Uuid7(() -> 5_000L, new Random(3));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            UUID id = generator.generate();
            assertEquals(Instant.ofEpochMilli(5_000), Uuid7.timestampOf(id));
            ids.add(id.toString());
        }
        assertStrictlyIncreasing(ids);
    }

    @Test
    void clockSteppingBackStaysMonotonic() {
        AtomicLong clock = new AtomicLong(9_000);
        Uuid7 generator = new Uuid7(clock::get, new Random(4));
        String before = generator.generate().toString();

        clock.set(8_000);
        String after = generator.generate().toString();

        assertTrue(after.compareTo(before) > 0, before + " then " + after);
        assertEquals(Instant.ofEpochMilli(9_000), Uuid7.timestampOf(UUID.fromString(after)));
    }

    @Test
    void sharedGeneratorIsMonotonic() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(Uuid7.next().toString());
        }
        assertStrictlyIncreasing(ids);
    }

    @Test
    void timestampOfRejectsOtherVersions() {
        assertThrows(IllegalArgumentException.class, () -> Uuid7.timestampOf(UUID.randomUUID()));
    }

    /** Lower-case hex text order is the UUIDs' unsigned byte order. */
    private static void assertStrictlyIncreasing(List<String> ids) {
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i).compareTo(ids.get(i - 1)) > 0, ids.get(i - 1) + " then " + ids.get(i));
        }
    }
}
