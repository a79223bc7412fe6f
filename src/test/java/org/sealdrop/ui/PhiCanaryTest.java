package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sealdrop.ui.WindowFixture.waitFor;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.config.Settings;
import org.sealdrop.storage.ObjectInfo;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.testsupport.CanaryDocuments;
import org.sealdrop.testsupport.CanaryScanner;
import org.sealdrop.testsupport.CanaryScanner.Hit;
import org.sealdrop.testsupport.CliRun;
import org.sealdrop.testsupport.FaultProxy;
import org.sealdrop.testsupport.SettingsCopies;
import org.sealdrop.testsupport.TestEnvironment;
import org.sealdrop.ui.documents.TransferItem;
import org.sealdrop.ui.documents.TransferState;
import org.sealdrop.ui.viewer.ViewerWindow;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Documents whose names, folder, patient reference and contents carry a canary unique to the run go
 * through the window and the command line. The window steps are drop a folder, search, open, save a
 * copy, a failed upload and its retry, an altered object, delete, lock and unlock. The command line
 * then uploads, lists and exports. SealDrop, the AWS SDK and Apache HttpClient log at DEBUG into a log file of the test.
 * Then every place data went is scanned and the test fails on any canary found in clear, listing file
 * path (or object key) and offset.
 *
 * <p>The canary may appear only where the user sees or chose their own files: the dropped originals,
 * the copies the user saved, the document table, the transfer list, the viewer's title, the search
 * and patient reference fields the user typed into, and the delete confirmation that names the file
 * to be deleted.
 */
class PhiCanaryTest extends MainWindowTest {

    /** Loggers raised to DEBUG; their lines go only to the test's log file, not to the console. */
    private static final List<String> DEBUG_LOGGERS = List.of("org.sealdrop", "software.amazon.awssdk",
            "org.apache.http");

    /** Node ids under which the window legitimately shows the user's own file names and typed text. */
    private static final List<String> ALLOWED_NODE_IDS = List.of("documentTable", "transferList", "documentSearch",
            "patientReference", "deleteDialog");

    private final CanaryScanner scanner = new CanaryScanner(CanaryScanner.newCanary());
    private final String canary = scanner.canary();
    private final Instant start = Instant.now().minusSeconds(1);
    private final List<Path> allowedFiles = new ArrayList<>();
    private final List<Hit> windowHits = new ArrayList<>();
    private Path logFolder;
    private FileAppender<ILoggingEvent> logFile;
    private final List<Level> previousLevels = new ArrayList<>();

    @BeforeEach
    void logAtDebug() {
        logFolder = root.resolve("logs");
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d %-5level [%thread] %logger - %msg%n%ex");
        encoder.start();
        logFile = new FileAppender<>();
        logFile.setContext(context);
        logFile.setFile(logFolder.resolve("sealdrop.log").toString());
        logFile.setEncoder(encoder);
        logFile.start();
        for (String name : DEBUG_LOGGERS) {
            Logger logger = context.getLogger(name);
            previousLevels.add(logger.getLevel());
            logger.setLevel(Level.DEBUG);
            logger.setAdditive(false);
            logger.addAppender(logFile);
        }
    }

    @AfterEach
    void restoreLogging() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (int i = 0; i < DEBUG_LOGGERS.size(); i++) {
            Logger logger = context.getLogger(DEBUG_LOGGERS.get(i));
            logger.detachAppender(logFile);
            logger.setAdditive(true);
            logger.setLevel(previousLevels.get(i));
        }
        logFile.stop();
    }

    @Test
    void noCanaryOutsideChosenFiles(FxRobot robot) throws Exception {
        List<Path> originals = CanaryDocuments.write(root.resolve("scans").resolve("Patient " + canary + " Akte"), canary);
        allowedFiles.add(root.resolve("scans"));
        String patientReference = "MRN-" + canary;
        window = fixture.showUnlocked(robot);
        DocumentTableSteps steps = new DocumentTableSteps(robot, fixture);

        // Drop the folder with a patient reference; its three documents upload.
        robot.clickOn("#patientReference").write(patientReference);
        robot.interact(() -> window.documentsView().addDroppedFiles(List.of(originals.get(0).getParent().toFile())));
        waitFor(() -> fixture.transfers().size() == 3 && fixture.transfers().stream().allMatch(item -> item.state().isFinal()));
        for (TransferItem item : fixture.transfers()) {
            assertEquals(TransferState.UPLOADED, item.state(), String.valueOf(item.problemProperty().get()));
        }
        TableView<DocumentSummary> table = steps.tableWith(3);

        // Search by a piece of the canary, then clear the search.
        robot.clickOn("#documentSearch").write(canary.substring(7));
        waitFor(() -> table.getItems().size() == 3);
        robot.type(KeyCode.ESCAPE);

        // Open the PDF, save a copy where the user chooses, close the viewer.
        String pdfName = originals.get(1).getFileName().toString();
        steps.select(table, pdfName);
        robot.type(KeyCode.ENTER);
        waitFor(() -> window.viewers().size() == 1);
        ViewerWindow viewer = window.viewers().get(0);
        waitFor(() -> viewer.stage().getScene().lookup("#pageImage") instanceof ImageView page && page.getImage() != null);
        scanWindows("viewer open");
        Path chosenCopy = Files.createDirectories(root.resolve("chosen")).resolve("Kopie " + canary + ".pdf");
        allowedFiles.add(chosenCopy);
        robot.interact(() -> viewer.saveCopyTo(chosenCopy));
        waitFor(() -> Files.exists(chosenCopy));
        assertArrayEquals(Files.readAllBytes(originals.get(1)), Files.readAllBytes(chosenCopy));
        robot.interact(viewer::close);
        waitFor(() -> window.viewers().isEmpty());

        // A FaultProxy returns 500 to every PUT of an object, so the upload fails with its problem in the
        // transfer row. Retry on the direct endpoint then uploads it.
        Settings working = services.settings().orElseThrow();
        try (FaultProxy failingStore = FaultProxy.inFrontOf(working.endpoint(), Duration.ofSeconds(5))) {
            failingStore.inject(FaultProxy.Fault.INTERNAL_ERROR, "^PUT .*/objects/", 1, Integer.MAX_VALUE);
            services.reconfigure(SettingsCopies.of(working).endpoint(failingStore.endpoint()).build());
            Path late = Files.writeString(root.resolve("scans").resolve("Nachtrag " + canary + ".txt"),
                    "Nachtrag " + canary);
            robot.interact(() -> window.documentsView().addDroppedFiles(List.of(late.toFile())));
            waitFor(() -> fixture.transfers().size() == 4 && fixture.transfers().get(3).state().isFinal());
            TransferItem failed = fixture.transfers().get(3);
            assertEquals(TransferState.FAILED, failed.state());
            assertTrue(failingStore.faultsInjected() > 0, "the proxy failed the upload");
            windowHits.addAll(scanner.scanText("transfer row problem", String.valueOf(failed.problemProperty().get())));
            scanWindows("failed upload");
            services.reconfigure(working);
            javafx.scene.control.Button retry = robot.lookup(".transfer-retry").match(Node::isVisible).queryButton();
            robot.interact(retry::fire);
            waitFor(() -> fixture.transfers().stream().filter(item -> item.state() == TransferState.UPLOADED).count() == 4,
                    () -> fixture.transfers().stream().map(item -> item.state() + " " + item.problemProperty().get()).toList()
                            .toString());
        }
        waitFor(() -> table.getItems().size() == 4);

        // An altered object fails its integrity check: the error dialog and its details for IT are scanned.
        String textName = originals.get(0).getFileName().toString();
        DocumentSummary altered = table.getItems().stream().filter(row -> row.name().equals(textName)).findFirst()
                .orElseThrow();
        flipLastByte(altered.id());
        steps.select(table, textName);
        robot.type(KeyCode.ENTER);
        waitFor(() -> robot.lookup("#errorDialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#errorDialog").queryAs(DialogPane.class);
        assertTrue(dialog.getHeaderText() != null, "the error dialog has a header");
        robot.interact(() -> dialog.setExpanded(true));
        assertTrue(((TextInputControl) dialog.lookup("#errorDetails")).getText().contains("SD-INTEGRITY"),
                "the details for IT are shown");
        scanWindows("integrity failure dialog");
        robot.interact(() -> ((javafx.scene.control.Button) dialog.lookupButton(javafx.scene.control.ButtonType.OK)).fire());
        waitFor(() -> robot.lookup("#errorDialog").tryQuery().isEmpty());

        // Delete the image after confirming, then lock and unlock.
        String imageName = originals.get(2).getFileName().toString();
        steps.select(table, imageName);
        robot.type(KeyCode.DELETE);
        steps.clickVisible("#confirmDeleteButton");
        waitFor(() -> table.getItems().size() == 3);
        assertTrue(table.getItems().stream().noneMatch(row -> row.name().equals(imageName)), "the image is deleted");
        robot.clickOn("#lockButton");
        waitFor(() -> robot.lookup("#unlockPassphrase").tryQuery().isPresent());
        scanWindows("locked");
        robot.clickOn("#unlockPassphrase").write(TestEnvironment.PASSPHRASE).type(KeyCode.ENTER);
        WindowFixture.waitForShowing(robot, "#documentTable");
        steps.tableWith(3);
        scanWindows("unlocked again");
        assertTrue(services.flushAudit(Duration.ofSeconds(20)), "audit events delivered");

        // The command line: upload with a patient reference, list, export to a chosen file.
        TestEnvironment environment = fixture.environment();
        environment.shareCredentialsWithCommandLine();
        Path passphrase = environment.passphraseFile();
        Path cliSource = Files.writeString(root.resolve("scans").resolve("Labor " + canary + ".txt"), "Labor " + canary);
        CliRun upload = CliRun.inHome(environment.home(), "upload", "--patient", patientReference,
                "--passphrase-file", passphrase.toString(), cliSource.toString());
        assertEquals(0, upload.exitCode(), upload::toString);
        CliRun list = CliRun.inHome(environment.home(), "list", "--json", "--passphrase-file", passphrase.toString());
        assertEquals(0, list.exitCode(), list::toString);
        assertTrue(list.out().contains(canary), "list shows the user their own names");
        String uploadedId = upload.out().strip().split("\t")[0];
        Path cliExport = root.resolve("chosen").resolve("Export " + canary + ".txt");
        allowedFiles.add(cliExport);
        CliRun export = CliRun.inHome(environment.home(), "export", uploadedId, "--out", cliExport.toString(),
                "--passphrase-file", passphrase.toString());
        assertEquals(0, export.exitCode(), export::toString);
        assertTrue(services.flushAudit(Duration.ofSeconds(20)), "audit events delivered");
        logFile.stop();

        List<Hit> hits = new ArrayList<>(windowHits);
        hits.addAll(scanLogs());
        hits.addAll(scanBucket());
        hits.addAll(scanDatabases(environment));
        hits.addAll(scanFolders(environment));
        assertEquals(List.of(), hits, "the canary was found in clear");
    }

    private List<Hit> scanLogs() throws IOException {
        Path log = logFolder.resolve("sealdrop.log");
        assertTrue(Files.size(log) > 10_000, "DEBUG lines were written: " + Files.size(log));
        assertTrue(Files.readString(log).contains("DEBUG"), "the log contains DEBUG lines");
        return scanner.scanTree(logFolder, path -> false, Instant.MIN);
    }

    /** Scans the key, user metadata, tags and bytes of every object, the key file included. */
    private List<Hit> scanBucket() throws IOException {
        List<Hit> hits = new ArrayList<>();
        int objects = 0;
        try (ObjectStore bucket = fixture.environment().bucket(); S3Client client = s3Client()) {
            for (ObjectInfo object : bucket.list("")) {
                objects++;
                hits.addAll(scanner.scanText("object key", object.key()));
                Map<String, String> metadata = bucket.head(object.key()).orElseThrow().metadata();
                hits.addAll(scanner.scanText("metadata of " + object.key(), metadata.toString()));
                hits.addAll(scanner.scanText("tags of " + object.key(), tags(client, object.key())));
                try (InputStream in = bucket.get(object.key())) {
                    hits.addAll(scanner.scanBytes("bytes of " + object.key(), in.readAllBytes()));
                }
            }
        }
        assertTrue(objects >= 5, "the scan saw the documents and the key file: " + objects);
        return hits;
    }

    /** Returns the object's tags, or a note when S3Proxy does not support GetObjectTagging. */
    private static String tags(S3Client client, String key) {
        try {
            return client.getObjectTagging(request -> request.bucket(TestEnvironment.BUCKET).key(key)).tagSet().toString();
        } catch (S3Exception e) {
            return "GetObjectTagging unsupported: " + e.statusCode();
        }
    }

    /** Scans the receiver's and the index's SQLite files, with their WAL, shared memory and journal files. */
    private List<Hit> scanDatabases(TestEnvironment environment) {
        List<Hit> hits = new ArrayList<>();
        List<Path> databases = List.of(environment.receiverDatabase(), environment.home().indexFile());
        for (Path database : databases) {
            assertTrue(Files.exists(database), database.toString());
            for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                Path file = database.resolveSibling(database.getFileName() + suffix);
                if (Files.exists(file)) {
                    hits.addAll(scanner.scanFile(file));
                }
            }
        }
        environment.receivedEvents().forEach(event -> hits.addAll(scanner.scanText("receiver row", event.toString())));
        return hits;
    }

    /**
     * Scans the test's folder (home folder, receiver) except the originals, the chosen copies and the
     * log folder, and the files of the system temporary folder and of {@code user.home} changed during
     * the test, except other tests' JUnit folders.
     */
    private List<Hit> scanFolders(TestEnvironment environment) {
        // The log folder was scanned on its own.
        List<Hit> hits = new ArrayList<>(scanner.scanTree(root, path -> isAllowed(path) || path.startsWith(logFolder),
                Instant.MIN));
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        hits.addAll(scanner.scanTree(temp, path -> path.startsWith(root) || isOtherTestFolder(temp, path), start));
        Path userHome = Path.of(System.getProperty("user.home"));
        hits.addAll(scanner.scanTree(userHome, path -> path.startsWith(userHome.resolve(".m2")), start));
        assertTrue(Files.exists(environment.home().indexFile()), "the home folder was scanned");
        return hits;
    }

    private boolean isAllowed(Path path) {
        return allowedFiles.stream().anyMatch(path::startsWith);
    }

    /** Other tests' JUnit folders and job folders in the shared temporary folder. */
    private boolean isOtherTestFolder(Path temp, Path path) {
        if (path.startsWith(root) || !path.startsWith(temp) || path.equals(temp)) {
            return false;
        }
        String top = temp.relativize(path).getName(0).toString();
        return top.startsWith("junit") || top.startsWith("bash_jobs");
    }

    /** Scans every open window except the allowed nodes; a viewer's title may show the file name. */
    private void scanWindows(String moment) {
        windowHits.addAll(new WindowTextScan(scanner, ALLOWED_NODE_IDS)
                .scan(moment, shown -> window.viewers().stream().anyMatch(open -> open.stage() == shown)));
    }

    private void flipLastByte(java.util.UUID id) throws IOException {
        String key = TestEnvironment.PREFIX + "objects/" + id;
        try (ObjectStore bucket = fixture.environment().bucket()) {
            ObjectInfo info = bucket.head(key).orElseThrow();
            byte[] object;
            try (InputStream in = bucket.get(key)) {
                object = in.readAllBytes();
            }
            object[object.length - 1] ^= 0x01;
            bucket.putSmall(key, object, Map.copyOf(info.metadata()));
        }
    }

    private S3Client s3Client() {
        return S3Client.builder()
                .endpointOverride(fixture.environment().s3().endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(fixture.environment().s3().credentials())
                .build();
    }

}
