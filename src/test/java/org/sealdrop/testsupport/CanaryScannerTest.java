package org.sealdrop.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CanaryScannerTest {

    private final CanaryScanner scanner = new CanaryScanner(CanaryScanner.newCanary());
    private final String canary = scanner.canary();

    @Test
    void findsEachEncodingWithOffset() {
        for (int shift = 0; shift < 3; shift++) {
            byte[] padded = ("x".repeat(shift) + canary + "tail").getBytes(StandardCharsets.UTF_8);
            byte[] base64 = Base64.getEncoder().encode(padded);

            List<CanaryScanner.Hit> hits = scanner.scanBytes("base64", base64);

            assertEquals(1, hits.size(), "shift " + shift + ": " + hits);
            assertEquals("Base64+" + shift, hits.get(0).form());
        }
        String hex = "00" + HexFormat.of().formatHex(canary.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(new CanaryScanner.Hit("hex", 2, "hex")),
                scanner.scanBytes("hex", hex.getBytes(StandardCharsets.US_ASCII)));
        byte[] utf16 = ("ab" + canary).getBytes(StandardCharsets.UTF_16LE);
        // The UTF-16LE bytes also contain the UTF-16BE form one byte earlier, after the 0 byte of 'b'.
        assertTrue(scanner.scanBytes("utf16", utf16).contains(new CanaryScanner.Hit("utf16", 4, "UTF-16LE")));
    }

    @Test
    void findsCanaryAcrossBlockBoundary(@TempDir Path folder) throws Exception {
        byte[] content = new byte[(1 << 20) + 4096];
        byte[] planted = canary.getBytes(StandardCharsets.UTF_8);
        int at = (1 << 20) - 5;
        System.arraycopy(planted, 0, content, at, planted.length);
        Path file = Files.write(folder.resolve("big.bin"), content);

        assertEquals(List.of(new CanaryScanner.Hit(file.toString(), at, "UTF-8")), scanner.scanFile(file));
    }

    @Test
    void treeScanReportsNamesAndSkipsAllowedFiles(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("clean.txt"), "nothing here");
        Path named = Files.writeString(folder.resolve("letter-" + canary + ".txt"), "clean content");
        Path allowed = Files.writeString(folder.resolve("allowed.txt"), canary);

        List<CanaryScanner.Hit> hits = scanner.scanTree(folder, allowed::equals, Instant.MIN);

        assertEquals(1, hits.size(), hits.toString());
        assertTrue(hits.get(0).place().endsWith("/<name>"), hits.toString());
        assertFalse(hits.get(0).toString().contains(canary), "a hit never prints the canary's surroundings: " + hits);
        assertTrue(Files.exists(named));
    }

    @Test
    void textWithoutCanaryHasNoHit() {
        assertEquals(List.of(), scanner.scanText("text", "CANARY- but another " + canary.substring(0, 10)));
    }
}
