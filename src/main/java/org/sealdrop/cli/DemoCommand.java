package org.sealdrop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.sealdrop.SealDropException;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.ServiceOptions;
import org.sealdrop.app.SetUpResult;
import org.sealdrop.app.VaultSetup;
import org.sealdrop.app.VaultState;
import org.sealdrop.auditserver.AuditServer;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.demo.EmbeddedS3;
import org.sealdrop.instance.HandOffClient;
import org.sealdrop.instance.HandOffListener;
import org.sealdrop.instance.InstanceLock;
import org.sealdrop.ui.DesktopLauncher;
import org.sealdrop.ui.HandedFiles;
import org.sealdrop.ui.Messages;
import org.sealdrop.ui.theme.UiPreferences;
import org.sealdrop.ui.theme.UiTheme;
import org.sealdrop.vault.WrongPassphraseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * {@code sealdrop demo}: the embedded default. Starts an S3-compatible store (S3Proxy) and the audit
 * receiver on 127.0.0.1, keeps their data in a demo folder, and opens the window on a ready vault.
 * Nothing leaves this computer and no AWS account is needed.
 *
 * <p>The demo's passphrase and S3 credentials are published in the README on purpose: they protect
 * sample data on a store that listens on 127.0.0.1 only, and they let a new user try the command
 * line against the running demo. Real vaults get the clinic's own passphrase and credentials.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Try SealDrop without AWS: local S3-compatible store and audit receiver on 127.0.0.1, window on a ready vault.")
final class DemoCommand implements Callable<Integer> {

    static final String DEMO_PASSPHRASE = "demo-only-not-for-patient-data";
    static final String DEMO_BUCKET = "sealdrop-demo";
    static final String DEMO_ACCESS_KEY = "sealdrop-demo";
    static final String DEMO_SECRET_KEY = "sealdrop-demo-secret";

    @ParentCommand
    SealDropCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder for the demo's objects, audit events and home folder (default: the demo subfolder of the home folder).")
    Path data;

    @Option(names = "--no-window", description = "Keep the store and the receiver running without a window, until Ctrl+C.")
    boolean noWindow;

    @Mixin
    PassphraseOption passphrase;

    @Override
    public Integer call() throws InterruptedException {
        Path folder = (data != null ? data : parent.home.folder().root().resolve("demo")).toAbsolutePath();
        createPrivateFolder(folder);
        HomeFolder home = new HomeFolder(folder.resolve("home")).createIfMissing();
        // A window holds its home folder's lock, as a plain start does, so `sealdrop --home DEMO_HOME FILE`
        // hands the file to the demo window instead of opening the same index a second time.
        Optional<InstanceLock> windowLock = noWindow ? Optional.empty() : InstanceLock.tryAcquire(home);
        if (!noWindow && windowLock.isEmpty()) {
            HandOffClient.send(home, List.of(), HandOffClient.DEFAULT_PATIENCE);
            spec.commandLine().getOut().println(Messages.text("handOff.focused"));
            return 0;
        }
        try (InstanceLock held = windowLock.orElse(null)) {
            return run(folder, home, held);
        }
    }

    /** Runs the store, the receiver and the window ({@code windowLock} held) or no window ({@code windowLock} null). */
    private int run(Path folder, HomeFolder home, InstanceLock windowLock) throws InterruptedException {
        Path tokenFile = auditTokenFile(folder);
        char[] auditToken = readToken(tokenFile);
        try (EmbeddedS3 s3 = EmbeddedS3.start(folder.resolve("s3"), DEMO_BUCKET, 0,
                        AwsBasicCredentials.create(DEMO_ACCESS_KEY, DEMO_SECRET_KEY));
                AuditServer receiver = AuditServer.start(new InetSocketAddress("127.0.0.1", 0),
                        folder.resolve("audit-events.db"), Set.of(new String(auditToken)));
                LocalServices services = LocalServices.open(home,
                        ServiceOptions.defaults().withCredentials(s3.credentials(), null))) {
            prepareVault(services, s3, receiver, tokenFile, spec.commandLine().getOut(), demoPassphrase());
            describe(spec.commandLine().getOut(), folder, s3, receiver, tokenFile);
            if (noWindow) {
                services.vault().lock();
                awaitCtrlC();
            } else {
                HandedFiles handedFiles = new HandedFiles();
                try (HandOffListener listener = SealDropCommand.listen(windowLock, home, handedFiles)) {
                    UiTheme.load(UiPreferences.in(home.root()));
                    DesktopLauncher.launch(services.vault(), services.documents(), handedFiles);
                }
            }
            services.flushAudit(Duration.ofSeconds(10));
        } finally {
            java.util.Arrays.fill(auditToken, '\0');
        }
        return 0;
    }

    /** Creates the demo vault on the first run; later runs point it at this run's ports and unlock it. */
    private static void prepareVault(LocalServices services, EmbeddedS3 s3, AuditServer receiver, Path tokenFile,
            PrintWriter out, char[] passphrase) {
        if (services.vault().state() == VaultState.NOT_CONFIGURED) {
            try (SetUpResult result = services.vault().setUpVault(new VaultSetup(s3.endpoint(), "us-east-1", s3.bucket(),
                    "clinic/", receiver.baseUrl(), tokenFile), DEMO_PASSPHRASE.toCharArray(), true)) {
                if (result.hasRecoveryKey()) {
                    out.println("Demo vault recovery key, shown once (sample data only; for trying `sealdrop vault recover`): "
                            + new String(result.recoveryKey()));
                }
            }
            return;
        }
        services.reconfigure(services.settings().orElseThrow()
                .withEndpoints(s3.endpoint(), receiver.baseUrl())
                .withAuditTokenFile(tokenFile));
        try {
            services.vault().unlock(passphrase);
        } catch (WrongPassphraseException e) {
            throw new SealDropException(e.errorCode(), "The demo vault does not open with "
                    + "this passphrase, probably because it was changed with `sealdrop vault change-passphrase` or"
                    + " `vault recover`; start the demo with --passphrase-file FILE holding the new passphrase.");
        }
    }

    private void describe(PrintWriter out, Path folder, EmbeddedS3 s3, AuditServer receiver, Path tokenFile) {
        String noWindowHint = noWindow ? "Stop the demo with Ctrl+C." : "Stop the demo by closing its window, or with Ctrl+C.";
        out.println("SealDrop demo: S3-compatible store at " + s3.endpoint() + ", audit receiver at " + receiver.baseUrl()
                + ", data in " + folder + ".");
        out.println("Demo vault passphrase (sample data only): " + DEMO_PASSPHRASE);
        out.println("Home folder for the command line: " + folder.resolve("home"));
        out.println("For the first-run wizard of a second home folder (sample data only): bucket " + DEMO_BUCKET
                + ", prefix clinic/, access key " + DEMO_ACCESS_KEY + ", secret " + DEMO_SECRET_KEY
                + ", audit token file " + tokenFile + ".");
        out.println("Audit events: java -jar target/sealdrop.jar audit query --db " + folder.resolve("audit-events.db"));
        out.println(noWindowHint);
        out.flush();
    }

    /** Returns the published demo passphrase, or the one in {@code --passphrase-file} after it was changed. */
    private char[] demoPassphrase() {
        return passphrase.passphraseFile != null ? passphrase.read("") : DEMO_PASSPHRASE.toCharArray();
    }

    /** Creates the demo folder readable by its owner only, unless it exists; an existing folder keeps its permissions. */
    static void createPrivateFolder(Path folder) {
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
                HomeFolder.restrictToOwner(folder);
            }
        } catch (IOException e) {
            throw new SealDropException("SD-DEMO-FOLDER", "The demo folder " + folder
                    + " could not be created; pass another folder with --data.");
        }
    }

    /** Returns the file with the receiver's bearer token, created once per demo folder and readable by its owner only. */
    private static Path auditTokenFile(Path folder) {
        Path file = folder.resolve("audit.token");
        if (Files.exists(file)) {
            return file;
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        try {
            Files.createDirectories(folder);
            Files.createFile(file);
            HomeFolder.restrictToOwner(file);
            Files.writeString(file, HexFormat.of().formatHex(random) + "\n", StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new SealDropException("SD-DEMO-FOLDER", "The demo folder " + folder
                    + " is not writable; pass another folder with --data.");
        }
    }

    private static char[] readToken(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip().toCharArray();
        } catch (IOException e) {
            throw new SealDropException("SD-DEMO-FOLDER", "The demo token file " + file
                    + " could not be read; delete it and start the demo again.");
        }
    }

    private static void awaitCtrlC() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "demo-shutdown"));
        stopped.await();
    }
}
