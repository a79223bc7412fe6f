package org.sealdrop.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.sealdrop.SealDropException;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.storage.ConnectionSettings;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.HostileResponse;
import org.sealdrop.testsupport.HostileS3Server;
import org.sealdrop.testsupport.TestEnvironment;

/**
 * Run by {@link LowHeapHostileTest} in a JVM with a small heap: responds to the key file, object, header,
 * listing and error requests of SealDrop with endless bodies that declare 10 GiB, and prints one line
 * {@code case NAME: CODE sent BYTES} per case. Exits with 0 when every case ended with a SealDrop
 * error (or, for the header, a sync that added no row), 1 otherwise, and 3 on an OutOfMemoryError.
 *
 * <p>Argument: work folder.
 */
public final class LowHeapHostile {

    private static final ConnectionSettings SHORT = new ConnectionSettings(Duration.ofSeconds(2),
            Duration.ofSeconds(2), 2, Duration.ofSeconds(20));
    private static final String OBJECTS = "/" + TestEnvironment.BUCKET + "/" + TestEnvironment.PREFIX + "objects/";
    private static final String LIST = "GET /" + TestEnvironment.BUCKET + "\\?list-type=2";
    private static final String CONTENTS = "<Contents><Key>clinic/objects/x</Key><Size>1</Size></Contents>";

    private LowHeapHostile() {
    }

    public static void main(String[] args) throws Exception {
        try {
            System.exit(run(Path.of(args[0])));
        } catch (OutOfMemoryError e) {
            System.out.println("OutOfMemoryError: " + e.getMessage());
            System.exit(3);
        }
    }

    private static int run(Path work) throws Exception {
        try (TestEnvironment environment = TestEnvironment.start(work.resolve("env"));
                HostileS3Server hostile = HostileS3Server.inFrontOf(environment.s3().endpoint())) {
            UUID document = environment.services().documents()
                    .upload(Corpus.pdf("pdflatex-4-pages.pdf"), null, TransferListener.NONE).id();
            int failed = 0;

            AtomicLong keyFile = new AtomicLong();
            hostile.respondTo("GET .*/vault/keyfile.json", HostileResponse.endless(10L << 30, keyFile));
            try (LocalServices joining = open(environment, work.resolve("joining"))) {
                failed += attempt("key file", keyFile, () -> setUp(joining, environment, hostile));
            }
            hostile.forwardAll();
            AtomicLong chunkedKeyFile = new AtomicLong();
            hostile.respondTo("GET .*/vault/keyfile.json", HostileResponse.endlessChunked(chunkedKeyFile));
            try (LocalServices joining = open(environment, work.resolve("joining-chunked"))) {
                failed += attempt("key file without a length", chunkedKeyFile,
                        () -> setUp(joining, environment, hostile));
            }
            hostile.forwardAll();

            try (LocalServices services = open(environment, work.resolve("home"))) {
                setUp(services, environment, hostile);
                services.documents().sync();

                AtomicLong object = new AtomicLong();
                hostile.respondTo("GET " + OBJECTS, HostileResponse.endless(10L << 30, object));
                failed += attempt("open", object, () -> services.documents().open(document, TransferListener.NONE));
                failed += attempt("export", object, () -> services.documents().export(document,
                        work.resolve("export.pdf"), TransferListener.NONE));
                environment.services().documents().upload(Corpus.image("smile.png"), null, TransferListener.NONE);
                failed += checkHeader(services, object);
                hostile.forwardAll();

                AtomicLong listing = new AtomicLong();
                hostile.respondTo(LIST, HostileResponse.endlessXml(200, "<?xml version=\"1.0\"?><ListBucketResult>"
                        + "<IsTruncated>false</IsTruncated>", CONTENTS, listing));
                failed += attempt("listing", listing, () -> services.documents().sync());
                hostile.forwardAll();

                AtomicLong error = new AtomicLong();
                hostile.respondTo(LIST, HostileResponse.endlessXml(500, "<?xml version=\"1.0\"?><Error><Message>",
                        "slow down ", error));
                failed += attempt("error body", error, () -> services.documents().sync());
            }
            return failed == 0 ? 0 : 1;
        }
    }

    private static LocalServices open(TestEnvironment environment, Path home) {
        return LocalServices.open(new HomeFolder(home), environment.options().withConnection(SHORT));
    }

    private static void setUp(LocalServices services, TestEnvironment environment, HostileS3Server hostile) {
        VaultSetup setup = environment.vaultSetup();
        services.vault().setUp(new VaultSetup(hostile.endpoint(), setup.region(), setup.bucket(), setup.prefix(),
                setup.auditUrl(), setup.auditTokenFile()), TestEnvironment.PASSPHRASE.toCharArray(), false);
    }

    /** Syncs a new object whose header request gets an endless body; the object must get no row. */
    private static int checkHeader(LocalServices services, AtomicLong sent) {
        try {
            SyncReport report = services.documents().sync();
            System.out.println("case header: " + report + " sent " + sent.get());
            return report.added().isEmpty() ? 0 : 1;
        } catch (SealDropException e) {
            System.out.println("case header: " + e.errorCode() + " sent " + sent.get() + " (" + e.getMessage() + ")");
            return 0;
        }
    }

    /** Runs {@code action}, prints how it ended, and returns 1 when it did not end with a SealDrop error. */
    private static int attempt(String name, AtomicLong sent, Runnable action) {
        try {
            action.run();
            System.out.println("case " + name + ": no error, sent " + sent.get());
            return 1;
        } catch (SealDropException e) {
            System.out.println("case " + name + ": " + e.errorCode() + " sent " + sent.get() + " (" + e.getMessage() + ")");
            return 0;
        }
    }
}
