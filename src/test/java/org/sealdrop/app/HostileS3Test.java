package org.sealdrop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sealdrop.SealDropException;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.storage.ConnectionSettings;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.testsupport.Corpus;
import org.sealdrop.testsupport.HostileResponse;
import org.sealdrop.testsupport.HostileS3Server;
import org.sealdrop.testsupport.SettingsCopies;
import org.sealdrop.testsupport.TestEnvironment;
import org.sealdrop.ui.ErrorCatalog;

/**
 * Opening, exporting, syncing and uploading through {@link HostileS3Server}, an S3 endpoint that lies
 * about lengths, stalls, sends other objects, malformed XML or redirects. Each operation must end with
 * a SealDrop error code within the short S3 timeouts set here, show or export nothing unverified, and
 * leave the index listing only objects that are in the bucket.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileS3Test {

    /** Short timeouts so that a stall ends in seconds; production defaults are far longer. */
    private static final ConnectionSettings SHORT = new ConnectionSettings(Duration.ofSeconds(2),
            Duration.ofSeconds(2), 2, Duration.ofSeconds(10));

    private static final String OBJECT_GET = "GET /" + TestEnvironment.BUCKET + "/" + TestEnvironment.PREFIX + "objects/";
    private static final String LIST = "GET /" + TestEnvironment.BUCKET + "\\?list-type=2";

    /** Bytes a client may download from an endless body before it must stop; the object is under 1 MiB. */
    private static final long DOWNLOAD_BOUND = 64L * 1024 * 1024;

    @TempDir
    Path temp;

    private TestEnvironment environment;
    private HostileS3Server hostile;
    private LocalServices services;
    private UUID document;
    private UUID other;

    @BeforeEach
    void start() throws IOException {
        environment = TestEnvironment.start(temp);
        LocalServices direct = environment.services();
        document = direct.documents().upload(Corpus.pdf("pdflatex-4-pages.pdf"), null, TransferListener.NONE).id();
        other = direct.documents().upload(Corpus.image("smile.png"), null, TransferListener.NONE).id();

        hostile = HostileS3Server.inFrontOf(environment.s3().endpoint());
        services = LocalServices.open(new HomeFolder(temp.resolve("hostile-home")),
                environment.options().withConnection(SHORT));
        VaultSetup setup = environment.vaultSetup();
        services.vault().setUp(new VaultSetup(hostile.endpoint(), setup.region(), setup.bucket(), setup.prefix(),
                setup.auditUrl(), setup.auditTokenFile()), TestEnvironment.PASSPHRASE.toCharArray(), false);
        services.documents().sync();
        assertEquals(Set.of(document, other), listedIds(), "the index lists both documents before the misbehaviour");
    }

    @AfterEach
    void stop() throws IOException {
        hostile.close();
        services.close();
        environment.close();
    }

    @Test
    void endlessObjectFailsOpenAndExport() {
        AtomicLong sent = new AtomicLong();
        hostile.respondTo(OBJECT_GET, HostileResponse.endless(10L << 30, sent));

        assertOpenAndExportFail(Set.of());

        assertTrue(sent.get() < DOWNLOAD_BOUND, "the client stopped reading after " + sent.get() + " bytes");
    }

    @Test
    void truncatedObjectFailsOpenAndExport() throws IOException {
        byte[] object = object(document);
        hostile.respondTo(OBJECT_GET, HostileResponse.withLength(200, "application/octet-stream",
                java.util.Arrays.copyOf(object, object.length / 2), object.length));

        assertOpenAndExportFail(Set.of());
    }

    @Test
    void bodyLongerThanItsLengthFailsOpen() throws IOException {
        byte[] object = object(document);
        hostile.respondTo(OBJECT_GET, HostileResponse.withLength(200, "application/octet-stream", object,
                object.length - 100));

        assertOpenAndExportFail(Set.of());
    }

    @Test
    void stalledObjectTimesOut() throws IOException {
        hostile.respondTo(OBJECT_GET, HostileResponse.stallAfter(object(document), 1000));

        assertOpenAndExportFail(Set.of("SD-S3-TIMEOUT", "SD-DOWNLOAD-FAILED"));
    }

    @Test
    void otherDocumentsObjectIsAnIntegrityFailure() throws IOException {
        hostile.respondTo(OBJECT_GET + document, HostileResponse.of(200, "application/octet-stream", object(other)));

        assertOpenAndExportFail(Set.of("SD-INTEGRITY"));

        assertTrue(services.flushAudit(Duration.ofSeconds(10)));
        assertTrue(actions(document, "integrity_failure") >= 1, "the failure is recorded at the receiver");
    }

    @Test
    void randomBytesOfTheRightLengthAreAnIntegrityFailure() throws IOException {
        byte[] random = new byte[object(document).length];
        new Random(7).nextBytes(random);
        hostile.respondTo(OBJECT_GET + document, HostileResponse.of(200, "application/octet-stream", random));

        assertOpenAndExportFail(Set.of("SD-INTEGRITY"));
    }

    @Test
    void malformedListingFailsSync() {
        hostile.respondTo(LIST, HostileResponse.xml(200, "<?xml version=\"1.0\"?><ListBucketResult><Contents><Key>"));

        assertSyncFails();
    }

    @Test
    void xmlBombInListingFailsSync() {
        StringBuilder entities = new StringBuilder("<!DOCTYPE bomb [<!ENTITY a0 \"hahahahahahahahahaha\">");
        for (int i = 1; i <= 10; i++) {
            entities.append("<!ENTITY a").append(i).append(" \"");
            entities.append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        entities.append("]>");
        hostile.respondTo(LIST, HostileResponse.xml(200, "<?xml version=\"1.0\"?>" + entities
                + "<ListBucketResult><Name>&a10;</Name><Contents><Key>clinic/objects/&a10;</Key></Contents>"
                + "</ListBucketResult>"));

        assertSyncFails();
    }

    @Test
    void xmlBombInErrorFailsSync() {
        hostile.respondTo(LIST, HostileResponse.xml(500, "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY a \"aaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
                + "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">]>"
                + "<Error><Code>&g;</Code><Message>&g;</Message></Error>"));

        assertSyncFails();
    }

    @Test
    void invalidUtf8InListingFailsSync() {
        byte[] prefix = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult><Name>sealdrop-test</Name>"
                + "<IsTruncated>false</IsTruncated><Contents><Key>clinic/objects/").getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "</Key><Size>10</Size></Contents></ListBucketResult>".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 3 + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC3;
        body[prefix.length + 1] = (byte) 0x28;
        body[prefix.length + 2] = (byte) 0xFF;
        System.arraycopy(suffix, 0, body, prefix.length + 3, suffix.length);
        hostile.respondTo(LIST, HostileResponse.of(200, "application/xml", body));

        SealDropException failure = syncFailure();

        assertListedOnlyWhatIsInTheBucket(failure);
    }

    @Test
    void listingOfMissingObjectsAddsNoRow() {
        String fake = UUID.randomUUID().toString();
        hostile.respondTo(LIST, HostileResponse.xml(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult>"
                + "<Name>sealdrop-test</Name><Prefix>clinic/objects/</Prefix><KeyCount>3</KeyCount>"
                + "<MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>"
                + contents(document.toString()) + contents(other.toString()) + contents(fake)
                + "</ListBucketResult>"));

        SyncReport report = services.documents().sync();

        assertEquals(Set.of(document, other), listedIds(), "the object missing from the bucket gets no row: " + report);
    }

    @Test
    void endlessListingPagesEnd() {
        hostile.respondTo(LIST, HostileResponse.xml(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult>"
                + "<Name>sealdrop-test</Name><Prefix>clinic/objects/</Prefix><KeyCount>1</KeyCount>"
                + "<MaxKeys>1000</MaxKeys><IsTruncated>true</IsTruncated>"
                + "<NextContinuationToken>again</NextContinuationToken>" + contents(document.toString())
                + "</ListBucketResult>"));

        assertSyncFails();
    }

    @Test
    void endlessListingBodyIsCutOff() {
        AtomicLong sent = new AtomicLong();
        hostile.respondTo(LIST, HostileResponse.endlessXml(200, "<?xml version=\"1.0\"?><ListBucketResult>"
                + "<IsTruncated>false</IsTruncated>", contents(UUID.randomUUID().toString()), sent));

        assertSyncFails();

        assertTrue(sent.get() < SHORT.maxAttempts() * DOWNLOAD_BOUND, "the client stopped reading after " + sent.get()
                + " bytes");
    }

    @Test
    void endlessSlowDownEndsAfterTheLastAttempt() {
        hostile.respondTo(LIST, HostileResponse.slowDown());

        SealDropException failure = syncFailure();

        assertEquals(SHORT.maxAttempts(), hostile.respondedCount(), "each attempt is sent once, then the sync gives up");
        assertTrue(failure.errorCode().startsWith("SD-S3-"), failure.errorCode());
    }

    @Test
    void redirectIsNotFollowed() throws IOException {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket recorder = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread accept = new Thread(() -> recordConnections(recorder, connections), "redirect-recorder");
            accept.setDaemon(true);
            accept.start();
            URI target = URI.create("http://127.0.0.1:" + recorder.getLocalPort() + "/" + TestEnvironment.BUCKET + "/");
            hostile.respondTo(LIST, HostileResponse.redirect(301, target));
            hostile.respondTo(OBJECT_GET, HostileResponse.redirect(307, target));
            hostile.respondTo("PUT /", HostileResponse.redirect(307, target));

            assertSyncFails();
            assertOpenAndExportFail(Set.of());
            Path file = Files.writeString(temp.resolve("note.txt"), "note for the redirect test");
            SealDropException upload = assertThrows(SealDropException.class,
                    () -> services.documents().upload(file, null, TransferListener.NONE));
            assertKnown(upload);
        }

        assertEquals(0, connections.get(), "no request followed the redirect");
    }

    @Test
    void uploadAnsweredWithGarbageFails() throws IOException {
        hostile.respondTo("PUT /", HostileResponse.of(200, "application/xml", "<<not xml".getBytes(StandardCharsets.UTF_8)));
        Path file = Files.writeString(temp.resolve("note.txt"), "note for the garbage test");

        SealDropException failure = assertThrows(SealDropException.class,
                () -> services.documents().upload(file, null, TransferListener.NONE));

        assertKnown(failure);
        assertEquals(Set.of(document, other), listedIds(), "no row for an upload the store did not confirm");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"POST /[^ ]*\\?uploads", "PUT /[^ ]*partNumber=2", "POST /[^ ]*uploadId="})
    void multipartRequestAnsweredWithGarbageFails(String request) throws IOException {
        services.reconfigure(SettingsCopies.of(services.settings().orElseThrow()).parts(5, 5).build());
        hostile.respondTo(request, HostileResponse.of(200, "application/xml",
                "<InitiateMultipartUploadResult><UploadId>".getBytes(StandardCharsets.UTF_8)));
        byte[] content = new byte[11 * 1024 * 1024];
        new Random(11).nextBytes(content);
        Path file = Files.write(temp.resolve("scan.bin"), content);

        SealDropException failure = assertThrows(SealDropException.class,
                () -> services.documents().upload(file, null, TransferListener.NONE));

        assertKnown(failure);
        assertTrue(hostile.respondedCount() >= 1, "the misbehaviour was used: " + hostile.requestLines());
        assertEquals(Set.of(document, other), listedIds(), "no row for an upload the store did not confirm");
        assertEquals(List.of(), environment.multipartUploads(), "the multipart upload was aborted");
    }

    private void assertOpenAndExportFail(Set<String> expectedCodes) {
        SealDropException open = assertThrows(SealDropException.class,
                () -> services.documents().open(document, TransferListener.NONE).close());
        assertKnown(open);
        if (!expectedCodes.isEmpty()) {
            assertTrue(expectedCodes.contains(open.errorCode()), open.errorCode() + " is one of " + expectedCodes);
        }

        Path target = temp.resolve("export-" + UUID.randomUUID() + ".pdf");
        SealDropException export = assertThrows(SealDropException.class,
                () -> services.documents().export(document, target, TransferListener.NONE));
        assertKnown(export);
        assertFalse(Files.exists(target), "nothing is exported");

        assertTrue(services.flushAudit(Duration.ofSeconds(10)));
        assertEquals(0, successes(document, "open"), "no successful open event for a document that was not shown");
        assertEquals(0, successes(document, "export"), "no successful export event for a document not exported");
    }

    private void assertSyncFails() {
        SealDropException failure = syncFailure();
        assertListedOnlyWhatIsInTheBucket(failure);
    }

    private SealDropException syncFailure() {
        SealDropException failure = assertThrows(SealDropException.class, () -> services.documents().sync(),
                () -> "requests: " + hostile.requestLines());
        assertKnown(failure);
        return failure;
    }

    private void assertListedOnlyWhatIsInTheBucket(SealDropException failure) {
        assertTrue(Set.of(document, other).containsAll(listedIds()), "listed " + listedIds() + " after "
                + failure.errorCode());
    }

    /** Requires a typed SealDrop error: a stable code that is not the window's catch-all for bugs. */
    private static void assertKnown(SealDropException failure) {
        String code = failure.errorCode();
        assertTrue(code.matches("SD-[A-Z0-9-]+"), code + ": " + failure.getMessage());
        assertFalse(code.equals(ErrorCatalog.INTERNAL), failure.getMessage());
        System.out.println("hostile-s3 error code " + code + (ErrorCatalog.isKnown(code) ? "" : " (not in the catalog)")
                + ": " + failure.getMessage());
    }

    private Set<UUID> listedIds() {
        return services.documents().list().stream().map(DocumentSummary::id).collect(Collectors.toSet());
    }

    private long actions(UUID documentId, String action) {
        return environment.receivedEvents().stream()
                .filter(event -> event.get("action").asText().equals(action))
                .filter(event -> documentId.toString().equals(event.path("documentId").asText()))
                .count();
    }

    private long successes(UUID documentId, String action) {
        return environment.receivedEvents().stream()
                .filter(event -> event.get("action").asText().equals(action))
                .filter(event -> event.get("outcome").asText().equals("success"))
                .filter(event -> documentId.toString().equals(event.path("documentId").asText()))
                .count();
    }

    private byte[] object(UUID id) throws IOException {
        try (ObjectStore bucket = environment.bucket(); InputStream in = bucket.get(TestEnvironment.PREFIX + "objects/" + id)) {
            return in.readAllBytes();
        }
    }

    private static String contents(String id) {
        return "<Contents><Key>clinic/objects/" + id + "</Key><LastModified>2026-12-05T06:00:00.000Z</LastModified>"
                + "<ETag>&quot;0123456789abcdef0123456789abcdef&quot;</ETag><Size>4096</Size>"
                + "<StorageClass>STANDARD</StorageClass></Contents>";
    }

    private static void recordConnections(ServerSocket recorder, AtomicInteger connections) {
        while (!recorder.isClosed()) {
            try (Socket ignored = recorder.accept()) {
                connections.incrementAndGet();
            } catch (IOException e) {
                return;
            }
        }
    }
}
