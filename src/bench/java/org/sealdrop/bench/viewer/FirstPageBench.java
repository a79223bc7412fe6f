package org.sealdrop.bench.viewer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.TransferListener;
import org.sealdrop.app.VaultSetup;
import org.sealdrop.bench.Machine;
import org.sealdrop.bench.ui.Samples;
import org.sealdrop.bench.ui.WorkFolder;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.testsupport.ByteCountingProxy;
import org.sealdrop.testsupport.LargePdf;
import org.sealdrop.testsupport.TestEnvironment;

/**
 * Time from "open this document id" to page 1 rendered as an image, for a 5 MiB and a 500 MiB PDF
 * with the same page 1, both stored on S3Proxy on 127.0.0.1 behind a {@link ByteCountingProxy} and a
 * {@link RequestCountingProxy}.
 * Writes {@code first-page.md}.
 *
 * <p>Each open is cold: a new {@link LocalServices} (new S3 client, new chunk cache), unlocked before
 * the clock starts. The two sizes alternate within each round, and the order flips every round, so
 * load on the shared machine hits both alike. The 500 MiB figure is reported as a ratio to the 5 MiB
 * one of the same run.
 */
public final class FirstPageBench {

    private static final String COMMAND = "mvn -B -o -Pbench verify -Dbench=first-page";
    private static final int ROUNDS = Integer.getInteger("bench.firstPage.rounds", 7);

    /** One image page of 2290 × 2290 grey pixels: 5.2 million bytes, about 5 MiB. */
    private static final int SMALL_IMAGE_PAGES = 1;
    private static final int SMALL_IMAGE_SIDE = 2290;
    /** 50 image pages of 3240 × 3240 grey pixels: 525 million bytes, about 500 MiB. */
    private static final int LARGE_IMAGE_PAGES = 50;
    private static final int LARGE_IMAGE_SIDE = 3240;

    private FirstPageBench() {
    }

    /** Runs the suite; {@code args[0]} is the report folder. */
    public static void main(String[] args) throws Exception {
        Path reports = Files.createDirectories(Path.of(args[0]));
        Path work = Files.createTempDirectory(reports, "first-page-work");
        // Like the tests: never read this computer's real managed settings file.
        System.setProperty("sealdrop.managedSettings", work.resolve("no-managed-settings/managed.json").toString());
        String machineAtStart = Machine.reportHeader("First page latency", COMMAND);
        try {
            Files.writeString(reports.resolve("first-page.md"), machineAtStart + run(work));
        } finally {
            WorkFolder.delete(work);
        }
        System.out.println(Files.readString(reports.resolve("first-page.md")));
    }

    private static String run(Path work) throws IOException {
        Path smallPdf = LargePdf.write(work.resolve("small.pdf"), SMALL_IMAGE_PAGES, SMALL_IMAGE_SIDE);
        Path largePdf = LargePdf.write(work.resolve("large.pdf"), LARGE_IMAGE_PAGES, LARGE_IMAGE_SIDE);
        long smallSize = Files.size(smallPdf);
        long largeSize = Files.size(largePdf);

        try (TestEnvironment environment = TestEnvironment.startOnDisk(work.resolve("env"), work.resolve("s3"));
                RequestCountingProxy requests = RequestCountingProxy.inFrontOf(environment.s3().endpoint());
                ByteCountingProxy proxy = ByteCountingProxy.inFrontOf(requests.endpoint())) {
            HomeFolder home = new HomeFolder(work.resolve("home"));
            UUID smallId;
            UUID largeId;
            try (LocalServices services = LocalServices.open(home, environment.options())) {
                VaultSetup setup = environment.vaultSetup();
                services.vault().setUp(new VaultSetup(proxy.endpoint(), setup.region(), setup.bucket(), setup.prefix(),
                        setup.auditUrl(), setup.auditTokenFile()), TestEnvironment.PASSPHRASE.toCharArray());
                smallId = services.documents().upload(smallPdf, null, TransferListener.NONE).id();
                largeId = services.documents().upload(largePdf, null, TransferListener.NONE).id();
                services.flushAudit(Duration.ofSeconds(30));
            }
            Files.delete(smallPdf);
            Files.delete(largePdf);

            FirstPageOpen opener = new FirstPageOpen(home, environment.options(), proxy, requests);
            List<FirstPageOpen.Result> small = new ArrayList<>();
            List<FirstPageOpen.Result> large = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                if (round % 2 == 0) {
                    small.add(opener.open(smallId));
                    large.add(opener.open(largeId));
                } else {
                    large.add(opener.open(largeId));
                    small.add(opener.open(smallId));
                }
                System.out.printf("first-page round %d: 5 MiB %s ms, 500 MiB %s ms%n", round + 1,
                        Samples.format(small.get(round).totalMillis()), Samples.format(large.get(round).totalMillis()));
            }
            return FirstPageReport.write(ROUNDS, smallSize, small, largeSize, large);
        }
    }
}
