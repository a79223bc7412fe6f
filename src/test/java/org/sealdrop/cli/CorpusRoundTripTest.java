package org.sealdrop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.storage.ObjectInfo;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.testsupport.CliRun;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.TestEnvironment;
import org.slf4j.LoggerFactory;

/**
 * Every corpus document goes through the command line to S3Proxy and back: init, upload, list,
 * export, verify. Then every place data went is scanned for the documents' names and the patient
 * reference: object keys, S3 metadata, audit events at the receiver, log lines, clear index columns.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorpusRoundTripTest {

    private static final String PATIENT_CANARY = "PATIENT-CANARY-7f3a";

    @TempDir
    static Path temp;

    private TestEnvironment environment;
    private ListAppender<ILoggingEvent> logs;
    private final Map<String, Path> sourcesById = new HashMap<>();
    private final Map<Logger, Level> previousLevels = new HashMap<>();

    @BeforeAll
    void uploadCorpus() throws Exception {
        environment = TestEnvironment.start(temp);
        captureLogs();
        environment.shareCredentialsWithCommandLine();

        CliRun init = cli("init", "--endpoint", environment.s3().endpoint().toString(), "--bucket", TestEnvironment.BUCKET,
                "--prefix", TestEnvironment.PREFIX, "--audit-url", environment.receiver().baseUrl().toString(),
                "--audit-token-file", environment.tokenFile().toString(),
                "--passphrase-file", environment.passphraseFile().toString());
        assertEquals(0, init.exitCode(), init::toString);

        List<String> uploadArgs = new ArrayList<>(List.of("upload", "--patient", PATIENT_CANARY,
                "--passphrase-file", environment.passphraseFile().toString()));
        uploadArgs.add(Corpus.root().resolve("pdf").toString());
        uploadArgs.add(Corpus.root().resolve("images").toString());
        CliRun upload = cli(uploadArgs.toArray(String[]::new));
        assertEquals(0, upload.exitCode(), upload::toString);

        Map<String, Path> corpusByName = Corpus.documents().stream()
                .collect(Collectors.toMap(path -> path.getFileName().toString(), path -> path));
        for (String line : upload.out().strip().split("\n")) {
            String[] fields = line.split("\t");
            sourcesById.put(fields[0], corpusByName.get(fields[2]));
        }
    }

    @AfterAll
    void stop() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(logs);
        previousLevels.forEach(Logger::setLevel);
        environment.close();
    }

    @Test
    void uploadPrintsOneLinePerCorpusDocument() {
        assertEquals(Corpus.documents().size(), sourcesById.size());
        assertFalse(sourcesById.containsValue(null), "every printed name is a corpus file name");
    }

    @Test
    void listShowsEveryDocumentWithItsName() throws Exception {
        CliRun list = cli("list", "--json", "--passphrase-file", environment.passphraseFile().toString());
        assertEquals(0, list.exitCode(), list::toString);
        JsonNode documents = new ObjectMapper().readTree(list.out());
        assertEquals(sourcesById.size(), documents.size());
        for (JsonNode document : documents) {
            Path source = sourcesById.get(document.get("id").asText());
            assertEquals(source.getFileName().toString(), document.get("name").asText());
            assertEquals(Files.size(source), document.get("size").asLong());
            assertEquals("uploaded", document.get("status").asText());
            assertEquals(PATIENT_CANARY, document.get("patientReference").asText());
        }
    }

    @Test
    void exportReturnsEveryDocumentByteForByte() throws Exception {
        for (Map.Entry<String, Path> entry : sourcesById.entrySet()) {
            Path target = temp.resolve("export-" + entry.getKey());
            CliRun export = cli("export", entry.getKey(), "--out", target.toString(),
                    "--passphrase-file", environment.passphraseFile().toString());
            assertEquals(0, export.exitCode(), export::toString);
            assertArrayEquals(Files.readAllBytes(entry.getValue()), Files.readAllBytes(target), entry.getValue().toString());
        }
        List<String> leftovers;
        try (var files = Files.list(temp)) {
            leftovers = files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".part")).toList();
        }
        assertEquals(List.of(), leftovers, "no temporary export file remains");
    }

    @Test
    void verifyAuthenticatesEveryDocument() {
        CliRun verify = cli("verify", "--passphrase-file", environment.passphraseFile().toString());
        assertEquals(0, verify.exitCode(), verify::toString);
        assertEquals(sourcesById.size(), verify.out().strip().split("\n").length);
    }

    @Test
    void uploadAndExportEventsReachTheReceiver() {
        exportOne();
        List<JsonNode> events = environment.receivedEvents();
        Set<String> uploaded = idsWithAction(events, "upload");
        assertEquals(sourcesById.keySet(), uploaded);
        assertFalse(idsWithAction(events, "export").isEmpty());
        assertTrue(events.stream().anyMatch(event -> event.get("action").asText().equals("unlock")));
    }

    @Test
    void noNameOrPatientReferenceLeavesTheComputerOrReachesLogs() throws Exception {
        exportOne();
        List<String> canaries = new ArrayList<>(sourcesById.values().stream()
                .map(path -> path.getFileName().toString()).toList());
        canaries.add(PATIENT_CANARY);

        StringBuilder outside = new StringBuilder();
        try (ObjectStore bucket = environment.bucket()) {
            for (ObjectInfo object : bucket.list("")) {
                outside.append(object.key()).append('\n');
                bucket.head(object.key()).ifPresent(head -> outside.append(head.metadata()).append('\n'));
            }
        }
        environment.receivedEvents().forEach(event -> outside.append(event).append('\n'));
        logs.list.forEach(event -> outside.append(event.getFormattedMessage()).append('\n'));
        outside.append(clearIndexColumns());

        assertTrue(outside.length() > 1000, "the scan saw keys, events and log lines");
        for (String canary : canaries) {
            assertFalse(outside.toString().contains(canary), "found in clear: " + canary);
            String stem = stripExtension(canary);
            if (stem.length() >= 8) {
                assertFalse(outside.toString().contains(stem), "found in clear: " + stem);
            }
        }
    }

    private void exportOne() {
        String id = sourcesById.keySet().iterator().next();
        CliRun export = cli("export", id, "--out", temp.resolve("one-" + id).toString(), "--force",
                "--passphrase-file", environment.passphraseFile().toString());
        assertEquals(0, export.exitCode(), export::toString);
    }

    private String clearIndexColumns() throws Exception {
        StringBuilder columns = new StringBuilder();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + environment.home().indexFile());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT id, object_key, status, created_at, updated_at FROM documents UNION ALL "
                                + "SELECT event_id, body, created_at, last_error, '' FROM audit_outbox")) {
            while (rows.next()) {
                for (int column = 1; column <= 5; column++) {
                    columns.append(rows.getString(column)).append('\t');
                }
                columns.append('\n');
            }
        }
        return columns.toString();
    }

    private static Set<String> idsWithAction(List<JsonNode> events, String action) {
        return events.stream()
                .filter(event -> event.get("action").asText().equals(action))
                .filter(event -> event.get("outcome").asText().equals("success"))
                .map(event -> event.get("documentId").asText())
                .collect(Collectors.toSet());
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private CliRun cli(String... args) {
        return CliRun.inHome(environment.home(), args);
    }

    /** Records SealDrop's and the AWS SDK's log lines at DEBUG, the most they ever write. */
    private void captureLogs() {
        logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        for (String name : List.of("org.sealdrop", "software.amazon.awssdk.request")) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            previousLevels.put(logger, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
    }
}
