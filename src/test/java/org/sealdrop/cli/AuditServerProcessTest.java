package org.sealdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.audit.AuditAction;
import org.sealdrop.audit.AuditEvent;
import org.sealdrop.audit.DeviceSigningKey;
import org.sealdrop.audit.EventSignatures;
import org.sealdrop.audit.Outcome;
import org.sealdrop.audit.Uuid7;
import org.sealdrop.testsupport.CliRun;
import org.sealdrop.testsupport.TestCertificates;

/**
 * {@code sealdrop audit-server} with its TLS options, run as its own process on 127.0.0.1. A separate
 * JVM is needed because the JDK HTTP server reads its request time limit once per JVM; here it is set to
 * 2 s so that slow clients are cut off quickly. Without the limit the slow clients' connections stay
 * open and hold every worker thread, so the test fails after waiting a minute for the first of them.
 */
class AuditServerProcessTest {

    static final String TOKEN = "process-test-token-3ad77bb40d7a3660";
    static final Pattern LISTENING = Pattern.compile("listening at (https://127\\.0\\.0\\.1:\\d+);");
    static final int SLOW_CLIENTS = 8;

    @TempDir
    Path folder;

    @Test
    void slowClientsDoNotHoldHttpsReceiver() throws Exception {
        TestCertificates certificate = TestCertificates.selfSigned("127.0.0.1");
        char[] password = "receiver-key-store-password".toCharArray();
        Path keyStore = certificate.writeKeyStore(folder.resolve("receiver.p12"), password);
        Path passwordFile = Files.writeString(folder.resolve("password.txt"), new String(password) + "\n");
        Path tokenFile = Files.writeString(folder.resolve("tokens.txt"), TOKEN + "\n");
        Path db = folder.resolve("audit.db");

        Process process = startReceiver("--port", "0", "--db", db.toString(), "--token-file", tokenFile.toString(),
                "--tls-keystore", keyStore.toString(), "--tls-password-file", passwordFile.toString());
        try {
            URI baseUrl = awaitBaseUrl(process);

            // Each sends the first bytes of a TLS record and then nothing, so each occupies a worker thread in
            // the handshake. There are more of them than worker threads.
            List<Socket> slowClients = new ArrayList<>();
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket socket = new Socket(TestCertificates.loopback(), baseUrl.getPort());
                socket.getOutputStream().write(new byte[] {0x16, 0x03, 0x01});
                socket.getOutputStream().flush();
                slowClients.add(socket);
            }

            for (Socket socket : slowClients) {
                assertTrue(closedByServer(socket), "a slow client's connection stayed open");
                socket.close();
            }
            HttpResponse<String> response = postOneEvent(baseUrl, certificate);

            assertEquals(200, response.statusCode(), response.body());
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(db)));
    }

    @Test
    void keyStoreNeedsPasswordFile() {
        CliRun run = CliRun.of("--home", folder.resolve("home").toString(), "audit-server", "--port", "0",
                "--db", folder.resolve("audit.db").toString(), "--tls-keystore", folder.resolve("x.p12").toString());

        assertEquals(SealDropCommand.EXIT_USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--tls-password-file"), run.err());
    }

    private Process startReceiver(String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsun.net.httpserver.maxReqTime=2", "-Daws.disableEc2Metadata=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--home", folder.resolve("home").toString(), "audit-server", "--bind", "127.0.0.1"));
        command.addAll(List.of(options));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Reads the receiver's output until it names its URL, for at most two minutes. */
    private static URI awaitBaseUrl(Process process) throws Exception {
        StringBuilder output = new StringBuilder();
        CompletableFuture<URI> url = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    output.append(line).append('\n');
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        return URI.create(matcher.group(1));
                    }
                }
                throw new IllegalStateException("The receiver stopped:\n" + output);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return url.get(2, TimeUnit.MINUTES);
    }

    private static HttpResponse<String> postOneEvent(URI baseUrl, TestCertificates certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("receiver", certificate.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);

        AuditEvent event = new AuditEvent(Uuid7.next(), Instant.now(), "m.jones", "pc-1", AuditAction.OPEN,
                UUID.randomUUID(), Outcome.SUCCESS, null, "0.1.0", 1, AuditEvent.FIRST_PREVIOUS_HASH);
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/v1/events"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"events\":[" + EventSignatures.signedBody(event, DeviceSigningKey.generate()) + "]}"))
                .build();
        HttpClient client = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(30)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Waits up to a minute for the server to close {@code socket}. */
    private static boolean closedByServer(Socket socket) throws IOException {
        socket.setSoTimeout(60_000);
        InputStream in = socket.getInputStream();
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketException e) {
            // A reset is a close as well.
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        }
    }
}
