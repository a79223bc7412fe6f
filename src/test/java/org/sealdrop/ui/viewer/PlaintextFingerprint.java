package org.sealdrop.ui.viewer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Recognisable pieces of one document's plaintext: 32-byte runs of its bytes that no reference file
 * contains, and a marker text in the encodings a text extractor or cache would write.
 *
 * <p>The runs start every 16 bytes, so any copy of 48 or more consecutive plaintext bytes of the
 * document's own parts contains one of them. The references are the corpus file the document was made
 * from and a second document made the same way with another marker. Runs found in them are left out:
 * corpus bytes, and what PDFBox or ImageIO writes the same way for every document, which other tests
 * may write anywhere. Runs of one repeated byte are left out too, so a hit means this document's own bytes.
 */
final class PlaintextFingerprint {

    static final int RUN_LENGTH = 32;
    private static final int STRIDE = 16;

    private final Set<ByteBuffer> runs = new HashSet<>();

    PlaintextFingerprint(byte[] plaintext, List<byte[]> references, String marker) {
        Set<ByteBuffer> referenceRuns = new HashSet<>();
        for (byte[] reference : references) {
            for (int i = 0; i + RUN_LENGTH <= reference.length; i++) {
                referenceRuns.add(ByteBuffer.wrap(reference, i, RUN_LENGTH).slice());
            }
        }
        for (int i = 0; i + RUN_LENGTH <= plaintext.length; i += STRIDE) {
            ByteBuffer run = ByteBuffer.wrap(plaintext, i, RUN_LENGTH).slice();
            if (!referenceRuns.contains(run) && !isOneRepeatedByte(plaintext, i)) {
                runs.add(run);
            }
        }
        addAllRuns(marker.getBytes(StandardCharsets.US_ASCII));
        addAllRuns(marker.getBytes(StandardCharsets.UTF_16BE));
        addAllRuns(marker.getBytes(StandardCharsets.UTF_16LE));
    }

    /** Number of runs looked for; tests assert a lower bound, because with none the search could never fail. */
    int runCount() {
        return runs.size();
    }

    /** Returns the offset of the first run found in {@code content}, or -1. */
    int find(byte[] content) {
        for (int i = 0; i + RUN_LENGTH <= content.length; i++) {
            if (runs.contains(ByteBuffer.wrap(content, i, RUN_LENGTH).slice())) {
                return i;
            }
        }
        return -1;
    }

    private void addAllRuns(byte[] text) {
        for (int i = 0; i + RUN_LENGTH <= text.length; i++) {
            runs.add(ByteBuffer.wrap(text, i, RUN_LENGTH).slice());
        }
    }

    private static boolean isOneRepeatedByte(byte[] bytes, int offset) {
        for (int i = offset + 1; i < offset + RUN_LENGTH; i++) {
            if (bytes[i] != bytes[offset]) {
                return false;
            }
        }
        return true;
    }
}
