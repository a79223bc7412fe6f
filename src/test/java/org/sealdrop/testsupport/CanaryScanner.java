package org.sealdrop.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Looks for one PHI canary, a unique string such as {@code CANARY-3f9a0c1d2b4e}, in bytes, text,
 * files and folder trees, in the forms a leak takes: UTF-8, UTF-16 in both byte orders, hex in both
 * cases and Base64 at each of the three byte alignments. A {@link Hit} names the place, the byte
 * offset and the form, and never the bytes around the canary, so a failure report leaks nothing else.
 */
public final class CanaryScanner {

    /** Files are read in blocks of this size, overlapping by the longest form, so a large file costs little heap. */
    private static final int BLOCK_BYTES = 1 << 20;

    private final String canary;
    private final Map<String, byte[]> forms = new LinkedHashMap<>();
    private final int longestForm;

    /**
     * One place where the canary was found.
     *
     * @param place a file path, an object key or a description such as "log line"
     * @param offset the byte offset of the canary's form in that place (the char offset in text)
     * @param form which encoding of the canary was found
     */
    public record Hit(String place, long offset, String form) {
        @Override
        public String toString() {
            return place + " at offset " + offset + " (" + form + ")";
        }
    }

    public CanaryScanner(String canary) {
        this.canary = canary;
        byte[] utf8 = canary.getBytes(StandardCharsets.UTF_8);
        forms.put("UTF-8", utf8);
        forms.put("UTF-16LE", canary.getBytes(StandardCharsets.UTF_16LE));
        forms.put("UTF-16BE", canary.getBytes(StandardCharsets.UTF_16BE));
        forms.put("hex", HexFormat.of().formatHex(utf8).getBytes(StandardCharsets.US_ASCII));
        forms.put("HEX", HexFormat.of().withUpperCase().formatHex(utf8).getBytes(StandardCharsets.US_ASCII));
        for (int shift = 0; shift < 3; shift++) {
            forms.put("Base64+" + shift, stableBase64(utf8, shift));
        }
        this.longestForm = forms.values().stream().mapToInt(form -> form.length).max().orElseThrow();
    }

    /** Returns a new canary, {@code CANARY-} and 12 random hex digits, unique to one test run. */
    public static String newCanary() {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        return "CANARY-" + HexFormat.of().formatHex(random);
    }

    public String canary() {
        return canary;
    }

    /** Returns every form of the canary found in {@code bytes}. */
    public List<Hit> scanBytes(String place, byte[] bytes) {
        return scanBlock(place, bytes, bytes.length, 0);
    }

    /** Returns every place where {@code text} contains the canary as characters or in one of its encodings. */
    public List<Hit> scanText(String place, String text) {
        List<Hit> hits = new ArrayList<>();
        int at = text.indexOf(canary);
        while (at >= 0) {
            hits.add(new Hit(place, at, "text"));
            at = text.indexOf(canary, at + 1);
        }
        for (Hit hit : scanBytes(place, text.getBytes(StandardCharsets.UTF_8))) {
            if (!hit.form().equals("UTF-8")) {
                hits.add(hit);
            }
        }
        return hits;
    }

    /** Returns every hit in the file {@code file}, read block by block. */
    public List<Hit> scanFile(Path file) {
        // Blocks overlap, so a hit in the overlap is seen twice; the set keeps one.
        Set<Hit> hits = new LinkedHashSet<>();
        byte[] buffer = new byte[BLOCK_BYTES + longestForm];
        try (InputStream in = Files.newInputStream(file)) {
            long blockStart = 0;
            int kept = 0;
            while (true) {
                int read = in.readNBytes(buffer, kept, BLOCK_BYTES);
                int length = kept + read;
                hits.addAll(scanBlock(file.toString(), buffer, length, blockStart));
                if (read < BLOCK_BYTES) {
                    return new ArrayList<>(hits);
                }
                kept = Math.min(longestForm - 1, length);
                System.arraycopy(buffer, length - kept, buffer, 0, kept);
                blockStart += length - kept;
            }
        } catch (IOException e) {
            // A file that disappears or cannot be read (a socket, another user's file) has nothing to scan.
            return new ArrayList<>(hits);
        }
    }

    /**
     * Returns every hit in the regular files below {@code root} that {@code skip} does not exclude and
     * that were modified at or after {@code since} ({@link Instant#MIN} for all). Symbolic links are not
     * followed.
     */
    public List<Hit> scanTree(Path root, Predicate<Path> skip, Instant since) {
        List<Hit> hits = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return hits;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(path -> !skip.test(path))
                    .filter(path -> isRegularFileSince(path, since))
                    .forEach(path -> {
                        hits.addAll(scanText("file name", path.toString()).stream()
                                .map(hit -> new Hit(path.getParent() + "/<name>", hit.offset(), hit.form())).toList());
                        hits.addAll(scanFile(path));
                    });
        } catch (IOException | UncheckedIOException e) {
            // Folders that vanish during the walk (other tests' temporary files) are skipped with them.
        }
        return hits;
    }

    private static boolean isRegularFileSince(Path path, Instant since) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() && !attributes.lastModifiedTime().toInstant().isBefore(since);
        } catch (IOException e) {
            return false;
        }
    }

    private List<Hit> scanBlock(String place, byte[] bytes, int length, long blockStart) {
        List<Hit> hits = new ArrayList<>();
        for (Map.Entry<String, byte[]> form : forms.entrySet()) {
            byte[] pattern = form.getValue();
            for (int at = indexOf(bytes, length, pattern, 0); at >= 0; at = indexOf(bytes, length, pattern, at + 1)) {
                hits.add(new Hit(place, blockStart + at, form.getKey()));
            }
        }
        return hits;
    }

    private static int indexOf(byte[] bytes, int length, byte[] pattern, int from) {
        outer:
        for (int at = from; at <= length - pattern.length; at++) {
            for (int i = 0; i < pattern.length; i++) {
                if (bytes[at + i] != pattern[i]) {
                    continue outer;
                }
            }
            return at;
        }
        return -1;
    }

    /**
     * Returns the Base64 characters of {@code utf8} that do not depend on the bytes around it, when it
     * starts {@code shift} bytes after a 3-byte boundary.
     */
    private static byte[] stableBase64(byte[] utf8, int shift) {
        byte[] padded = new byte[shift + utf8.length];
        System.arraycopy(utf8, 0, padded, shift, utf8.length);
        String encoded = Base64.getEncoder().withoutPadding().encodeToString(padded);
        // The first group mixes in the unknown bytes before the canary when shift > 0, and the last group
        // the bytes after it unless the canary ends on a boundary.
        int start = shift == 0 ? 0 : 4;
        int fullGroups = padded.length / 3;
        int end = fullGroups * 4;
        return encoded.substring(start, Math.max(start, end)).getBytes(StandardCharsets.US_ASCII);
    }
}
