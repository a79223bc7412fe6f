package org.sealdrop.bench.transfer;

import java.io.IOException;
import java.nio.file.Path;
import org.sealdrop.app.DocumentService;
import org.sealdrop.app.TransferListener;
import org.sealdrop.config.ManagedSettings;
import org.sealdrop.testsupport.TestEnvironment;

/**
 * Uploads one file through SealDrop several times in a row, for a profiler such as Java Flight
 * Recorder to sample; not a suite of {@code BenchMain}. Arguments: work folder, size in MiB, uploads.
 * Run it with {@code -XX:StartFlightRecording=filename=upload.jfr} and read the samples with
 * {@code jfr print --events jdk.ExecutionSample upload.jfr}.
 */
public final class UploadProfile {

    private UploadProfile() {
    }

    public static void main(String[] args) throws IOException {
        Path work = Path.of(args[0]);
        long size = Long.parseLong(args[1]) * BenchData.MIB;
        int uploads = Integer.parseInt(args[2]);
        BenchData.deleteTree(work);
        System.setProperty(ManagedSettings.PATH_PROPERTY, work.resolve("no-managed-settings.json").toString());
        try (TestEnvironment environment = TestEnvironment.startOnDisk(work.resolve("env"), work.resolve("s3"))) {
            // The file comes first, so the first upload starts right after the unlock, as a user's may.
            Path source = BenchData.randomFile(work.resolve("source.bin"), size, 3);
            DocumentService documents = environment.services().documents();
            for (int i = 0; i < uploads; i++) {
                long start = System.nanoTime();
                var uploaded = documents.upload(source, null, TransferListener.NONE);
                System.out.printf("upload %d: %.2f s%n", i + 1, (System.nanoTime() - start) / 1e9);
                documents.delete(uploaded.id());
            }
        } finally {
            BenchData.deleteTree(work);
        }
    }
}
