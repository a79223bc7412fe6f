package org.sealdrop.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.sealdrop.config.Settings;
import org.sealdrop.testsupport.SettingsCopies;
import org.sealdrop.testsupport.TestEnvironment;

/**
 * Run by {@link LowHeapUploadTest} in a JVM with a small heap: writes a pseudo-random file of the
 * given size, uploads it through {@link LocalServices} to an S3Proxy that keeps its objects on disk,
 * exports it again and compares SHA-256. Exits with 0 when the export equals the file, 1 when it
 * differs, and 3 on an OutOfMemoryError.
 *
 * <p>Arguments: work folder, size in MiB, part size in MiB, parallelism.
 */
public final class LowHeapUpload {

    private LowHeapUpload() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        long size = Long.parseLong(args[1]) * 1024 * 1024;
        int partSizeMiB = Integer.parseInt(args[2]);
        int parallelism = Integer.parseInt(args[3]);
        try {
            System.exit(run(work, size, partSizeMiB, parallelism));
        } catch (OutOfMemoryError e) {
            System.out.println("OutOfMemoryError: " + e.getMessage());
            System.exit(3);
        }
    }

    private static int run(Path work, long size, int partSizeMiB, int parallelism) throws Exception {
        Path source = work.resolve("scan.bin");
        byte[] written = writePattern(source, size);

        try (TestEnvironment environment = TestEnvironment.startOnDisk(work.resolve("env"), work.resolve("s3"))) {
            LocalServices services = environment.services();
            Settings current = services.settings().orElseThrow();
            services.reconfigure(SettingsCopies.of(current).parts(partSizeMiB, partSizeMiB)
                    .uploadParallelism(parallelism).build());

            DocumentSummary uploaded = services.documents().upload(source, null, TransferListener.NONE);
            Path exported = work.resolve("exported.bin");
            services.documents().export(uploaded.id(), exported, TransferListener.NONE);

            byte[] read = sha256Of(exported);
            long maxHeap = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            System.out.println((Arrays.equals(written, read) ? "same" : "different") + " SHA-256 after "
                    + Files.size(exported) + " bytes with at most " + maxHeap + " MiB of heap");
            return Arrays.equals(written, read) ? 0 : 1;
        }
    }

    /** Writes {@code size} bytes of a seeded pattern, generated block by block, and returns their SHA-256. */
    private static byte[] writePattern(Path file, long size) throws IOException, NoSuchAlgorithmException {
        SplittableRandom random = new SplittableRandom(20_261_204L);
        byte[] block = new byte[1024 * 1024];
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
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
        return digest.digest();
    }

    private static byte[] sha256Of(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return digest.digest();
    }
}
