package org.sealdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.TransferListener;
import org.sealdrop.config.Settings;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.testsupport.CliRun;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.FaultProxy;
import org.sealdrop.testsupport.SettingsCopies;
import org.sealdrop.testsupport.TestEnvironment;

/** {@code sealdrop delete}: exit statuses, confirmation and the delete event at the receiver. */
class DeleteCommandTest {

    @TempDir
    Path temp;

    private TestEnvironment environment;
    private LocalServices services;
    private DocumentSummary document;

    @BeforeEach
    void start() throws IOException {
        environment = TestEnvironment.start(temp);
        environment.shareCredentialsWithCommandLine();
        services = environment.services();
        document = services.documents().upload(Corpus.pdf("minimal-document.pdf"), "MRN 0042", TransferListener.NONE);
    }

    @AfterEach
    void stop() {
        environment.close();
    }

    @Test
    void deleteWithYesRemovesDocument() {
        CliRun run = cli("delete", document.id().toString(), "--yes", "--passphrase-file", passphraseFile());

        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(document.id() + "\tdeleted", run.out().strip());
        assertEquals(List.of(), services.documents().list());
        assertTrue(!objectExists(document.id()), "the object is gone from the bucket");
        assertEquals(1, receivedEvents("delete", "success"), "the command delivered its delete event");
    }

    @Test
    void withoutTerminalOrYesIsUsageError() {
        CliRun run = cli("delete", document.id().toString(), "--passphrase-file", passphraseFile());

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--yes"), run.err());
        assertEquals(1, services.documents().list().size(), "the row stays");
        assertTrue(objectExists(document.id()), "the object stays");
    }

    @Test
    void unknownIdFailsWithItsCode() {
        CliRun run = cli("delete", UUID.randomUUID().toString(), "--yes", "--passphrase-file", passphraseFile());

        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().contains("SD-DOCUMENT-NOT-FOUND"), run.err());
        assertEquals(1, services.documents().list().size());
    }

    @Test
    void malformedIdIsUsageError() {
        CliRun run = cli("delete", "not-an-id", "--yes", "--passphrase-file", passphraseFile());

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("sealdrop list"), run.err());
    }

    @Test
    void rejectedDeleteFailsAndKeepsDocument() throws IOException {
        try (FaultProxy denying = FaultProxy.inFrontOf(environment.s3().endpoint(), Duration.ofSeconds(1))) {
            denying.inject(FaultProxy.Fault.ACCESS_DENIED, "^DELETE ", 1, 1000);
            Settings current = services.settings().orElseThrow();
            services.reconfigure(SettingsCopies.of(current).endpoint(denying.endpoint()).build());

            CliRun run = cli("delete", document.id().toString(), "--yes", "--passphrase-file", passphraseFile());

            assertEquals(1, run.exitCode(), run::toString);
            assertTrue(run.err().contains("SD-S3-ACCESS-DENIED"), run.err());
            assertEquals(1, services.documents().list().size(), "the row stays");
            assertTrue(objectExists(document.id()), "the object stays");
            assertEquals(1, receivedEvents("delete", "failure"), "the failure was delivered");
        }
    }

    private long receivedEvents(String action, String outcome) {
        return environment.receivedEvents().stream()
                .filter(event -> event.get("action").asText().equals(action))
                .filter(event -> event.get("outcome").asText().equals(outcome))
                .filter(event -> document.id().toString().equals(event.path("documentId").asText()))
                .count();
    }

    private boolean objectExists(UUID id) {
        try (ObjectStore bucket = environment.bucket()) {
            return bucket.head(TestEnvironment.PREFIX + "objects/" + id).isPresent();
        }
    }

    private String passphraseFile() {
        return environment.passphraseFile().toString();
    }

    private CliRun cli(String... args) {
        return CliRun.inHome(environment.home(), args);
    }
}
