package org.sealdrop.bench.ui;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.UUID;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.TransferListener;
import org.sealdrop.testsupport.LargePdf;
import org.sealdrop.testsupport.TestEnvironment;

/**
 * A {@link TestEnvironment} on disk whose home folder has a vault and {@code count} documents in its
 * index: one uploaded for real, the rest added by {@link BulkIndex}. The upload also checks where
 * S3Proxy's file store keeps an object, which is where {@link BulkIndex} writes the others.
 */
final class IndexHome implements AutoCloseable {

    private final TestEnvironment environment;
    private final Path keysFile;
    private final int count;

    private IndexHome(TestEnvironment environment, Path keysFile, int count) {
        this.environment = environment;
        this.keysFile = keysFile;
        this.count = count;
    }

    static IndexHome prepare(Path folder, int count) throws IOException {
        Path s3Data = folder.resolve("s3");
        TestEnvironment environment = TestEnvironment.startOnDisk(folder.resolve("env"), s3Data);
        try {
            Path bucketFolder = s3Data.resolve(TestEnvironment.BUCKET);
            String objectKeyPrefix = TestEnvironment.PREFIX + "objects/";
            try (LocalServices services = LocalServices.open(environment.home(), environment.options())) {
                services.vault().setUp(environment.vaultSetup(), TestEnvironment.PASSPHRASE.toCharArray());
                Path pdf = LargePdf.write(folder.resolve("uploaded.pdf"), 0, 0);
                UUID id = services.documents().upload(pdf, "MRN 000001", TransferListener.NONE).id();
                Files.delete(pdf);
                if (!Files.isRegularFile(bucketFolder.resolve(objectKeyPrefix + id))) {
                    throw new IllegalStateException("S3Proxy did not store the uploaded object at "
                            + bucketFolder.resolve(objectKeyPrefix + id) + ", so the bulk rows would have no objects.");
                }
            }

            long start = System.nanoTime();
            BulkIndex.fill(environment.home(), TestEnvironment.PASSPHRASE.toCharArray(), TestEnvironment.TEST_ARGON2,
                    objectKeyPrefix, bucketFolder, count - 1);
            System.out.printf("index: %,d documents added in %d s%n", count - 1, (System.nanoTime() - start) / 1_000_000_000);
            return new IndexHome(environment, writeKeys(folder, environment), count);
        } catch (RuntimeException | IOException e) {
            environment.close();
            throw e;
        }
    }

    /** Writes the S3Proxy keys to an owner-only file for the child JVM, which must not see them on its command line. */
    private static Path writeKeys(Path folder, TestEnvironment environment) throws IOException {
        var credentials = environment.s3().credentials().resolveCredentials();
        Properties keys = new Properties();
        keys.setProperty("accessKeyId", credentials.accessKeyId());
        keys.setProperty("secretAccessKey", credentials.secretAccessKey());
        Path file = Files.createFile(folder.resolve("s3-keys.properties"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(file)) {
            keys.store(out, null);
        }
        return file;
    }

    Path home() {
        return environment.home().root();
    }

    Path keysFile() {
        return keysFile;
    }

    int count() {
        return count;
    }

    @Override
    public void close() {
        environment.close();
    }
}
