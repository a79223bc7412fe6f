package org.sealdrop.crypto.independent;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.sealdrop.crypto.IntegrityException;
import org.sealdrop.crypto.independent.format.ObjectRejectedException;

/**
 * Reordered, duplicated, dropped and spliced chunks fail in both readers, which release only the whole
 * chunks before the first one that differs. Spliced chunks come from a second object of the same
 * document, key and plaintext (only the salt and nonces differ) and from an object of another document.
 *
 * <p>The objects derive from the seed, and case i draws its change from {@code new Random(seed + i)}, so
 * a failure message names the case and the seed. In three runs on the 2-core build machine (JDK 17.0.15,
 * shared with other builds), the 300 cases took 0.9 to 4.1 s for both readers together.
 */
class ChunkSpliceLoopTest {

    private static final int CASES = 300;

    private final long seed = System.nanoTime();

    /** The object under attack and the objects whose chunks are spliced into it. */
    private record Sources(ProductionObjects.Sealed target, List<byte[]> targetChunks, List<byte[]> sameDocument,
            List<byte[]> otherDocument, byte[] sameDocumentHeader) {
    }

    private static Sources sources(long seed, int lastChunkShortBy) {
        ProductionObjects.Sealed target = TamperObjects.threeChunks(seed, lastChunkShortBy);
        ProductionObjects.Sealed sameDocument = TamperObjects.rewrite(target, seed + 1);
        ProductionObjects.Sealed otherDocument = TamperObjects.threeChunks(seed + 2, lastChunkShortBy);
        return new Sources(target, TamperObjects.chunks(target), TamperObjects.chunks(sameDocument),
                TamperObjects.chunks(otherDocument), TamperObjects.header(sameDocument));
    }

    @Test
    void bothReadersRejectSplicedChunks() {
        // One target with a short last chunk and one whose chunks all have the same length.
        Sources[] targets = {sources(seed, 333), sources(seed + 10, 0)};
        for (int i = 0; i < CASES; i++) {
            int caseNumber = i;
            Random random = new Random(seed + caseNumber);
            Sources sources = targets[random.nextInt(targets.length)];
            ProductionObjects.Sealed target = sources.target();
            byte[] altered = alter(sources, random);

            int damaged = DamageRule.firstDamagedChunk(target.headerLength(), target.object(), altered);
            DamageRule.check(ReadOutcome.production(target.documentId(), target.documentKey(), altered, altered.length),
                    IntegrityException.class, target.plaintext(), damaged, () -> "production, case " + caseNumber + ", seed " + seed);
            DamageRule.check(ReadOutcome.independent(target.documentId(), target.documentKey(), altered,
                    altered.length), ObjectRejectedException.class, target.plaintext(), damaged,
                    () -> "independent, case " + caseNumber + ", seed " + seed);
        }
    }

    /**
     * Applies one random change. Every change alters the object, and {@link DamageRule#firstDamagedChunk}
     * raises an exception for one that would not.
     */
    private static byte[] alter(Sources sources, Random random) {
        List<byte[]> chunks = new ArrayList<>(sources.targetChunks());
        byte[] header = TamperObjects.header(sources.target());
        int n = chunks.size();
        switch (random.nextInt(6)) {
            case 0 -> reorder(chunks, random);
            case 1 -> chunks.add(random.nextInt(n + 1), chunks.get(random.nextInt(n)));
            case 2 -> chunks.remove(random.nextInt(n));
            case 3 -> chunks.set(random.nextInt(n), pick(sources.sameDocument(), random));
            case 4 -> chunks.set(random.nextInt(n), pick(sources.otherDocument(), random));
            default -> {
                // The other object's header over this object's chunks: same document and key, other salt.
                header = sources.sameDocumentHeader();
            }
        }
        ByteArrayOutputStream object = new ByteArrayOutputStream();
        object.writeBytes(header);
        chunks.forEach(object::writeBytes);
        return object.toByteArray();
    }

    /** Shuffles until the order differs, so a reorder case never leaves the object unchanged. */
    private static void reorder(List<byte[]> chunks, Random random) {
        List<byte[]> original = List.copyOf(chunks);
        do {
            Collections.shuffle(chunks, random);
        } while (chunks.equals(original));
    }

    private static byte[] pick(List<byte[]> chunks, Random random) {
        return chunks.get(random.nextInt(chunks.size()));
    }
}
