package org.sealdrop.cli;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.Callable;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.ServiceOptions;
import org.sealdrop.app.VaultSetup;
import org.sealdrop.app.VaultState;
import org.sealdrop.auditserver.AuditServer;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.demo.EmbeddedS3;
import org.sealdrop.ui.DesktopLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sealdrop demo}: the embedded default. Starts an S3-compatible store (S3Proxy) and the audit
 * receiver on 127.0.0.1, keeps their data in a demo folder, and opens the window on a ready vault.
 * Nothing leaves this computer and no AWS account is needed.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Try SealDrop without AWS: local S3-compatible store and audit receiver on 127.0.0.1, window on a ready vault.")
final class DemoCommand implements Callable<Integer> {

    /**
     * Passphrase of the demo vault. It protects only the demo folder's sample data, so it is fixed and
     * documented in the README; real vaults get a passphrase chosen by the clinic.
     */
    static final String DEMO_PASSPHRASE = "demo-only-not-for-patient-data";
    static final String DEMO_BUCKET = "sealdrop-demo";

    @ParentCommand
    SealDropCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder for the demo's objects, audit events and home folder (default: the home folder's demo subfolder).")
    Path data;

    @Override
    public Integer call() {
        Path folder = (data != null ? data : parent.home.folder().root().resolve("demo")).toAbsolutePath();
        char[] auditToken = newToken();
        try (EmbeddedS3 s3 = EmbeddedS3.start(folder.resolve("s3"), DEMO_BUCKET, 0);
                AuditServer receiver = AuditServer.start(new InetSocketAddress("127.0.0.1", 0),
                        folder.resolve("audit-events.db"), Set.of(new String(auditToken)));
                LocalServices services = LocalServices.open(new HomeFolder(folder.resolve("home")),
                        ServiceOptions.defaults().withCredentials(s3.credentials(), auditToken))) {
            prepareVault(services, s3, receiver);
            describe(spec.commandLine().getOut(), folder, s3, receiver);
            DesktopLauncher.launch(services.vault(), services.documents());
            services.flushAudit(Duration.ofSeconds(10));
        } finally {
            Arrays.fill(auditToken, '\0');
        }
        return 0;
    }

    /** Creates the demo vault on the first run; later runs point it at this run's ports and unlock it. */
    private static void prepareVault(LocalServices services, EmbeddedS3 s3, AuditServer receiver) {
        if (services.vault().state() == VaultState.NOT_CONFIGURED) {
            services.vault().setUp(new VaultSetup(s3.endpoint(), "us-east-1", s3.bucket(), "clinic/",
                    receiver.baseUrl(), null), DEMO_PASSPHRASE.toCharArray());
            return;
        }
        services.reconfigure(services.settings().orElseThrow().withEndpoints(s3.endpoint(), receiver.baseUrl()));
        services.vault().unlock(DEMO_PASSPHRASE.toCharArray());
    }

    private static void describe(PrintWriter out, Path folder, EmbeddedS3 s3, AuditServer receiver) {
        out.println("SealDrop demo: S3-compatible store at " + s3.endpoint() + ", audit receiver at " + receiver.baseUrl()
                + ", data in " + folder + ".");
        out.println("The vault passphrase (for Lock and Unlock) is: " + DEMO_PASSPHRASE);
        out.println("See the audit events with: java -jar target/sealdrop.jar audit query --db "
                + folder.resolve("audit-events.db"));
        out.flush();
    }

    private static char[] newToken() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random).toCharArray();
    }
}
