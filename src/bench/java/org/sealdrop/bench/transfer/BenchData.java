package org.sealdrop.bench.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/** Source files of random bytes for the transfer suites, their SHA-256, and clean-up of what a run wrote. */
final class BenchData {

    static final long MIB = 1024L * 1024;

    private BenchData() {
    }

    /**
     * Writes {@code size} bytes that do not compress (a seeded {@link SplittableRandom}), so neither
     * S3Proxy nor a file system can shortcut them.
     */
    static Path randomFile(Path file, long size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] block = new byte[(int) MIB];
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                for (long left = size; left > 0; left -= block.length) {
                    for (int i = 0; i < block.length; i += 8) {
                        long value = random.nextLong();
                        for (int j = 0; j < 8; j++) {
                            block[i + j] = (byte) (value >>> (8 * j));
                        }
                    }
                    out.write(block, 0, (int) Math.min(block.length, left));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Writes {@code count} random files of {@code size} bytes each into {@code folder}. */
    static List<Path> randomFiles(Path folder, int count, long size) {
        List<Path> files = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            files.add(randomFile(folder.resolve(String.format("scan-%03d.bin", i)), size, 1_000L + i));
        }
        return files;
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            MessageDigest digest = ((DigestInputStream) in).getMessageDigest();
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Throws when {@code copy} differs from the source whose SHA-256 is {@code expected}. */
    static void requireSame(String expected, Path copy, String what) {
        String actual = sha256(copy);
        if (!actual.equals(expected)) {
            throw new IllegalStateException("The round trip of " + what + " returned different bytes: SHA-256 "
                    + actual + " instead of " + expected + ".");
        }
    }

    /** Deletes {@code folder} and everything in it; a missing folder is fine. */
    static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks SHA-256", e);
        }
    }
}
