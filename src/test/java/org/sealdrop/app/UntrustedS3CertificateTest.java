package org.sealdrop.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.config.Settings;
import org.sealdrop.config.SettingsFile;
import org.sealdrop.storage.ObjectInfo;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.testsupport.CliRun;
import org.sealdrop.testsupport.ForkedCli;
import org.sealdrop.testsupport.SettingsCopies;
import org.sealdrop.testsupport.TestCertificates;
import org.sealdrop.testsupport.TestEnvironment;
import org.sealdrop.testsupport.TlsFront;
import org.sealdrop.ui.ErrorCatalog;

/**
 * An S3 endpoint behind HTTPS on 127.0.0.1 whose certificate this computer does not trust is refused
 * by upload, open, verify, sync, the wizard's "Test connection" and {@code doctor}, with the TLS error
 * code and no object written. The same endpoint works once IT adds its CA certificate to the Java trust
 * store (the {@code javax.net.ssl.trustStore} option of the launcher; SealDrop has no S3 trust store
 * setting of its own), and a trusted certificate that names another host is refused too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UntrustedS3CertificateTest {

    @TempDir
    static Path temp;

    private TestEnvironment environment;
    private TestCertificates certificate;
    private TlsFront front;
    private TestCertificates misnamedCertificate;
    private TlsFront misnamedFront;
    private UUID uploaded;
    private byte[] uploadedContent;

    @BeforeAll
    void uploadOverPlainLoopback() throws Exception {
        environment = TestEnvironment.start(temp);
        certificate = TestCertificates.selfSigned("127.0.0.1");
        front = TlsFront.start(certificate, environment.s3().endpoint(), Files.createDirectories(temp.resolve("front")));
        misnamedCertificate = TestCertificates.selfSigned("sealdrop-s3.test");
        misnamedFront = TlsFront.start(misnamedCertificate, environment.s3().endpoint(),
                Files.createDirectories(temp.resolve("misnamed")));

        Path source = temp.resolve("letter.txt");
        uploadedContent = "a letter uploaded before the endpoint moved to HTTPS".getBytes(StandardCharsets.UTF_8);
        Files.write(source, uploadedContent);
        uploaded = environment.services().documents().upload(source, "P-TLS", TransferListener.NONE).id();
    }

    @AfterAll
    void stop() throws Exception {
        front.close();
        misnamedFront.close();
        environment.close();
    }

    @Test
    void untrustedCertificateRefusedEverywhere() throws Exception {
        HomeFolder home = homeWithEndpoint("untrusted", front.endpoint("127.0.0.1"));
        Path newFile = Files.writeString(temp.resolve("new.txt"), "never leaves this computer");
        List<String> objectsBefore = objectKeys();

        try (LocalServices services = LocalServices.open(home, environment.options())) {
            services.vault().unlock(TestEnvironment.PASSPHRASE.toCharArray());
            DocumentService documents = services.documents();

            assertTlsRefusal("upload", () -> documents.upload(newFile, "P-TLS", TransferListener.NONE));
            assertTlsRefusal("open", () -> documents.open(uploaded, TransferListener.NONE));
            assertTlsRefusal("verify", () -> documents.verify(uploaded));
            assertTlsRefusal("sync", documents::sync);
            VaultSetup setup = new VaultSetup(front.endpoint("127.0.0.1"), "us-east-1", TestEnvironment.BUCKET,
                    TestEnvironment.PREFIX, environment.receiver().baseUrl(), environment.tokenFile());
            assertTlsRefusal("test connection", () -> services.vault().testStorage(setup, SetupCredentials.none()));
        }

        environment.shareCredentialsWithCommandLine();
        CliRun doctor = CliRun.inHome(home, "doctor");
        assertEquals(1, doctor.exitCode(), doctor::toString);
        String endpointLine = line(doctor, "endpoint");
        assertTrue(endpointLine.startsWith("FAIL"), doctor::toString);
        assertTrue(endpointLine.contains("SD-S3-TLS"), doctor::toString);

        assertEquals(0, front.forwardedConnections(), "no request reached S3Proxy");
        assertEquals(objectsBefore, objectKeys(), "no object was written");
    }

    @Test
    void trustedCertificateWorksThroughJavaTrustStore() throws Exception {
        HomeFolder home = homeWithEndpoint("trusted", front.endpoint("127.0.0.1"));
        Path trustStore = certificate.writeTrustStore(temp.resolve("clinic-ca.p12"));
        ForkedCli cli = forkedCli().withJvmOptions("-Djavax.net.ssl.trustStore=" + trustStore,
                "-Djavax.net.ssl.trustStoreType=PKCS12");
        Path exported = temp.resolve("trusted-export.txt");

        CliRun export = cli.run("--home", home.root().toString(), "export", uploaded.toString(), "--out",
                exported.toString(), "--passphrase-file", environment.passphraseFile().toString());
        CliRun doctor = cli.run("--home", home.root().toString(), "doctor");

        assertEquals(0, export.exitCode(), export::toString);
        assertArrayEquals(uploadedContent, Files.readAllBytes(exported));
        assertTrue(line(doctor, "endpoint").startsWith("ok"), doctor::toString);
        assertTrue(front.forwardedConnections() > 0, "the requests went through the HTTPS front");
    }

    @Test
    void trustedCertificateForAnotherHostRefused() throws Exception {
        HomeFolder home = homeWithEndpoint("misnamed", misnamedFront.endpoint("127.0.0.1"));
        Path trustStore = misnamedCertificate.writeTrustStore(temp.resolve("misnamed-ca.p12"));
        ForkedCli cli = forkedCli().withJvmOptions("-Djavax.net.ssl.trustStore=" + trustStore,
                "-Djavax.net.ssl.trustStoreType=PKCS12");
        Path exported = temp.resolve("misnamed-export.txt");

        CliRun export = cli.run("--home", home.root().toString(), "export", uploaded.toString(), "--out",
                exported.toString(), "--passphrase-file", environment.passphraseFile().toString());

        assertEquals(1, export.exitCode(), export::toString);
        assertTrue(export.err().contains("SD-S3-TLS") || export.err().contains("TLS connection"), export::toString);
        assertTrue(Files.notExists(exported), "nothing was exported");
        assertEquals(0, misnamedFront.forwardedConnections(), "the client sent no request to a host its certificate does not name");
    }

    private static void assertTlsRefusal(String step, Executable action) {
        SealDropException e = assertThrows(SealDropException.class, action, step);
        assertEquals("SD-S3-TLS", e.errorCode(), step + ": " + e.getMessage());
        assertTrue(ErrorCatalog.KNOWN_CODES.contains(e.errorCode()), "the window explains " + e.errorCode());
        assertTrue(e.getMessage().contains("certificate"), e.getMessage());
    }

    private ForkedCli forkedCli() {
        var credentials = environment.s3().credentials().resolveCredentials();
        return ForkedCli.plain().withJvmOptions("-Daws.accessKeyId=" + credentials.accessKeyId(),
                "-Daws.secretAccessKey=" + credentials.secretAccessKey());
    }

    /** Copies the environment's home folder and points the copy's settings.json at {@code endpoint}. */
    private HomeFolder homeWithEndpoint(String name, URI endpoint) throws Exception {
        HomeFolder source = environment.home();
        HomeFolder home = new HomeFolder(temp.resolve("home-" + name));
        environment.services().documents().list();
        try (var files = Files.walk(source.root())) {
            for (Path path : files.toList()) {
                Path target = home.root().resolve(source.root().relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else if (!path.getFileName().toString().endsWith(".lock")) {
                    Files.copy(path, target);
                }
            }
        }
        Settings settings = SettingsFile.read(home.settingsFile()).orElseThrow();
        SettingsFile.write(home.settingsFile(), SettingsCopies.of(settings).endpoint(endpoint).build());
        return home;
    }

    private List<String> objectKeys() {
        try (ObjectStore bucket = environment.bucket()) {
            return bucket.list("").stream().map(ObjectInfo::key).sorted().toList();
        }
    }

    private static String line(CliRun run, String check) {
        return run.out().lines().filter(text -> text.startsWith("ok") || text.startsWith("FAIL")
                || text.startsWith("warn") || text.startsWith("skip"))
                .filter(text -> text.substring(6).startsWith(check + " "))
                .map(String::strip).findFirst().orElse("missing " + check + " in:\n" + run);
    }
}
