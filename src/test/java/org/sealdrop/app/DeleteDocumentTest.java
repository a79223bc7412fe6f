package org.sealdrop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;
import org.sealdrop.config.Settings;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.FaultProxy;
import org.sealdrop.testsupport.SettingsCopies;
import org.sealdrop.testsupport.TestEnvironment;

/**
 * {@link DocumentService#delete} against S3Proxy and the real audit receiver: the object goes first,
 * then the row with its {@code delete} event, and a rejected delete keeps both and records a failure.
 */
class DeleteDocumentTest {

    @TempDir
    Path temp;

    private TwoComputers computers;
    private TestEnvironment environment;
    private LocalServices services;

    @BeforeEach
    void start() throws IOException {
        computers = TwoComputers.start(temp);
        environment = computers.environment();
        services = computers.first();
    }

    @AfterEach
    void stop() {
        computers.close();
    }

    @Test
    void deleteRemovesObjectRowAndRecordsEvent() {
        DocumentSummary kept = upload("minimal-document.pdf");
        DocumentSummary deleted = upload("pdflatex-4-pages.pdf");

        services.documents().delete(deleted.id());

        assertEquals(List.of(kept.id()), ids(services.documents().list()));
        assertTrue(objectExists(kept.id()), "the other document's object stays");
        assertTrue(!objectExists(deleted.id()), "the object is gone from the bucket");
        assertTrue(services.flushAudit(Duration.ofSeconds(10)), "audit events delivered");
        List<JsonNode> events = events(deleted.id(), "delete");
        assertEquals(1, events.size(), events::toString);
        assertEquals("success", events.get(0).get("outcome").asText());
    }

    @Test
    void objectAlreadyGoneStillRemovesRow() {
        DocumentSummary document = upload("minimal-document.pdf");
        try (ObjectStore bucket = environment.bucket()) {
            bucket.delete(objectKey(document.id()));
        }

        services.documents().delete(document.id());

        assertEquals(List.of(), services.documents().list());
        assertTrue(services.flushAudit(Duration.ofSeconds(10)), "audit events delivered");
        List<JsonNode> events = events(document.id(), "delete");
        assertEquals(1, events.size(), events::toString);
        assertEquals("success", events.get(0).get("outcome").asText());
    }

    @Test
    void rejectedDeleteKeepsRowAndObject() throws IOException {
        DocumentSummary document = upload("minimal-document.pdf");
        try (FaultProxy denying = FaultProxy.inFrontOf(environment.s3().endpoint(), Duration.ofSeconds(1))) {
            denying.inject(FaultProxy.Fault.ACCESS_DENIED, "^DELETE ", 1, 1000);
            Settings current = services.settings().orElseThrow();
            services.reconfigure(SettingsCopies.of(current).endpoint(denying.endpoint()).build());

            SealDropException e = assertThrows(SealDropException.class, () -> services.documents().delete(document.id()));

            assertEquals("SD-S3-ACCESS-DENIED", e.errorCode());
            assertTrue(denying.faultsInjected() > 0, "the proxy rejected the DELETE request");
            assertEquals(List.of(document.id()), ids(services.documents().list()));
            assertTrue(objectExists(document.id()), "the object stays in the bucket");
            assertTrue(services.flushAudit(Duration.ofSeconds(10)), "audit events delivered");
            List<JsonNode> events = events(document.id(), "delete");
            assertEquals(1, events.size(), events::toString);
            assertEquals("failure", events.get(0).get("outcome").asText());
            assertEquals("SD-S3-ACCESS-DENIED", events.get(0).get("reason").asText());
        }
    }

    @Test
    void unknownIdRecordsNothing() {
        UUID unknown = UUID.randomUUID();

        SealDropException e = assertThrows(SealDropException.class, () -> services.documents().delete(unknown));

        assertEquals("SD-DOCUMENT-NOT-FOUND", e.errorCode());
        assertTrue(services.flushAudit(Duration.ofSeconds(10)), "audit events delivered");
        assertEquals(List.of(), events(unknown, "delete"));
    }

    @Test
    void lockedVaultCannotDelete() {
        DocumentSummary document = upload("minimal-document.pdf");
        services.vault().lock();

        SealDropException e = assertThrows(SealDropException.class, () -> services.documents().delete(document.id()));

        assertEquals("SD-VAULT-LOCKED", e.errorCode());
        assertTrue(objectExists(document.id()), "the object stays in the bucket");
    }

    @Test
    void otherComputerDropsRowAtNextSync() {
        DocumentSummary document = upload("minimal-document.pdf");
        LocalServices second = computers.second();
        second.documents().sync();
        assertEquals(List.of(document.id()), ids(second.documents().list()));

        services.documents().delete(document.id());
        SyncReport report = second.documents().sync();

        assertEquals(List.of(document.id()), report.removed());
        assertEquals(List.of(), second.documents().list());
        assertEquals(List.of(), report.added(), "the deleted object is not listed again");
    }

    private DocumentSummary upload(String corpusPdf) {
        return services.documents().upload(Corpus.pdf(corpusPdf), "MRN 0042", TransferListener.NONE);
    }

    private boolean objectExists(UUID id) {
        try (ObjectStore bucket = environment.bucket()) {
            return bucket.head(objectKey(id)).isPresent();
        }
    }

    private static String objectKey(UUID id) {
        return TestEnvironment.PREFIX + "objects/" + id;
    }

    private List<JsonNode> events(UUID documentId, String action) {
        return environment.receivedEvents().stream()
                .filter(event -> event.get("action").asText().equals(action))
                .filter(event -> documentId.toString().equals(event.path("documentId").asText()))
                .toList();
    }

    private static List<UUID> ids(List<DocumentSummary> documents) {
        return documents.stream().map(DocumentSummary::id).toList();
    }
}
