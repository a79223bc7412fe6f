package org.sealdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.app.DocumentSummary;
import org.sealdrop.app.LocalServices;
import org.sealdrop.app.TransferListener;
import org.sealdrop.auditserver.ChainReport;
import org.sealdrop.storage.ObjectInfo;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.testsupport.CliRun;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.TestEnvironment;

/** {@code sealdrop index rebuild} and {@code sealdrop index sync} against S3Proxy and the audit receiver. */
class IndexCommandTest {

    private static final String PATIENT = "MRN 0042";

    @TempDir
    Path temp;

    private TestEnvironment environment;

    @BeforeEach
    void start() throws Exception {
        environment = TestEnvironment.start(temp);
        environment.shareCredentialsWithCommandLine();
    }

    @AfterEach
    void stop() {
        environment.close();
    }

    @Test
    void rebuildAfterLostIndexRestoresTheListing() throws Exception {
        LocalServices services = environment.services();
        boolean withReference = true;
        for (Path document : Corpus.documents()) {
            services.documents().upload(document, withReference ? PATIENT : null, TransferListener.NONE);
            withReference = !withReference;
        }
        JsonNode before = listJson();
        assertEquals(Corpus.documents().size(), before.size());
        services.close();
        deleteIndex();

        CliRun rebuild = cli("index", "rebuild", "--passphrase-file", environment.passphraseFile().toString());

        assertEquals(0, rebuild.exitCode(), rebuild::toString);
        assertTrue(rebuild.out().contains(Corpus.documents().size() + " documents restored, 0 damaged, 0 skipped"),
                rebuild.out());
        JsonNode after = listJson();
        assertEquals(before, after);
        for (JsonNode document : after) {
            assertEquals("uploaded", document.get("status").asText());
        }
    }

    @Test
    void rebuildOfExistingIndexKeepsTheAuditChain() throws Exception {
        LocalServices services = environment.services();
        DocumentSummary kept = services.documents().upload(Corpus.pdf("minimal-document.pdf"), null, TransferListener.NONE);
        DocumentSummary deleted = services.documents().upload(Corpus.image("smile.png"), null, TransferListener.NONE);
        assertTrue(services.flushAudit(Duration.ofSeconds(10)));
        String deviceId = Files.readString(environment.home().deviceIdFile()).strip();
        long sequenceBefore = environment.receiver().store().verifyChain(deviceId).lastSequence();
        try (ObjectStore bucket = environment.bucket()) {
            bucket.delete(objectKey(deleted.id()));
        }

        CliRun rebuild = cli("index", "rebuild", "--passphrase-file", environment.passphraseFile().toString());

        assertEquals(0, rebuild.exitCode(), rebuild::toString);
        assertTrue(rebuild.out().contains("1 documents restored"), rebuild.out());
        JsonNode listed = listJson();
        assertEquals(1, listed.size());
        assertEquals(kept.id().toString(), listed.get(0).get("id").asText());

        // The unlock and lock of the rebuild continue the device's chain instead of restarting it.
        ChainReport chain = environment.receiver().store().verifyChain(deviceId);
        assertTrue(chain.intact(), chain::toString);
        assertTrue(chain.lastSequence() > sequenceBefore, chain::toString);
    }

    @Test
    void syncPrintsDamagedObjectsAndExitsWithOne() throws Exception {
        DocumentSummary intact = environment.services().documents()
                .upload(Corpus.pdf("minimal-document.pdf"), null, TransferListener.NONE);
        DocumentSummary altered = environment.services().documents()
                .upload(Corpus.pdf("crazyones-pdfa.pdf"), null, TransferListener.NONE);
        environment.services().close();
        deleteIndex();
        flipHeaderByte(objectKey(altered.id()));

        CliRun sync = cli("index", "sync", "--passphrase-file", environment.passphraseFile().toString());

        assertEquals(1, sync.exitCode(), sync::toString);
        assertTrue(sync.out().contains(altered.id() + "\tdamaged\tSD-INTEGRITY"), sync.out());
        assertTrue(sync.out().contains("1 added, 0 removed, 0 kept, 1 damaged, 0 skipped"), sync.out());
        JsonNode listed = listJson();
        assertEquals(1, listed.size());
        assertEquals(intact.id().toString(), listed.get(0).get("id").asText());
    }

    @Test
    void homeOptionWorksAfterTheSubcommand() {
        environment.services().documents().upload(Corpus.pdf("minimal-document.pdf"), null, TransferListener.NONE);

        CliRun sync = CliRun.of("index", "sync", "--home", environment.home().root().toString(),
                "--passphrase-file", environment.passphraseFile().toString());

        assertEquals(0, sync.exitCode(), sync::toString);
        assertTrue(sync.out().contains("0 added, 0 removed, 1 kept"), sync.out());
    }

    @Test
    void indexWithoutSubcommandIsUsageError() {
        CliRun run = cli("index");

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("sealdrop index sync"), run.err());
    }

    private JsonNode listJson() throws Exception {
        CliRun list = cli("list", "--json", "--passphrase-file", environment.passphraseFile().toString());
        assertEquals(0, list.exitCode(), list::toString);
        return new ObjectMapper().readTree(list.out());
    }

    private void deleteIndex() throws Exception {
        Path index = environment.home().indexFile();
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(index.resolveSibling(index.getFileName() + suffix));
        }
    }

    private void flipHeaderByte(String key) throws Exception {
        try (ObjectStore bucket = environment.bucket()) {
            ObjectInfo info = bucket.head(key).orElseThrow();
            byte[] object;
            try (InputStream in = bucket.get(key)) {
                object = in.readAllBytes();
            }
            object[200] ^= 0x01;
            bucket.putSmall(key, object, Map.copyOf(info.metadata()));
        }
    }

    private static String objectKey(UUID id) {
        return TestEnvironment.PREFIX + "objects/" + id;
    }

    private CliRun cli(String... args) {
        return CliRun.inHome(environment.home(), args);
    }
}
