package org.sealdrop.auditserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpsParameters;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.audit.AuditAction;
import org.sealdrop.testsupport.TestCertificates;

/** Both endpoints of a receiver that serves HTTPS on 127.0.0.1 with a certificate made in the test. */
class HttpsReceiverTest {

    static final String TOKEN = "https-receiver-token-ae2d8a571e03ac9c";
    static final char[] PASSWORD = "receiver-key-store-password".toCharArray();
    static final Instant T0 = Instant.parse("2026-03-14T09:00:00.000Z");

    @TempDir
    Path folder;

    TestCertificates certificate;
    ServerTls tls;
    AuditServer server;
    HttpClient client;

    @BeforeEach
    void startServer() throws Exception {
        certificate = TestCertificates.selfSigned("127.0.0.1");
        tls = ServerTls.fromPkcs12(certificate.writeKeyStore(folder.resolve("receiver.p12"), PASSWORD), PASSWORD);
        server = AuditServer.start(new InetSocketAddress(TestCertificates.loopback(), 0), folder.resolve("audit.db"),
                Set.of(TOKEN), tls);
        client = HttpClient.newBuilder().sslContext(trusting(certificate)).connectTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void postThenQueryOverHttps() throws Exception {
        EventChain chain = new EventChain("m.jones", "pc-1");
        String body = chain.next(AuditAction.OPEN, UUID.randomUUID(), T0);

        HttpResponse<String> posted = send(request("/v1/events").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString(
                        EventChain.batch(List.of(body)), StandardCharsets.UTF_8)));
        HttpResponse<String> queried = send(request("/v1/events?user=m.jones").header("Authorization", "Bearer " + TOKEN)
                .GET());

        assertEquals("https", server.baseUrl().getScheme());
        assertEquals(200, posted.statusCode(), posted.body());
        assertEquals(200, queried.statusCode(), queried.body());
        assertEquals("{\"events\":[" + body + "]}", queried.body());
    }

    @Test
    void missingTokenOverHttpsIs401() throws Exception {
        HttpResponse<String> response = send(request("/v1/events").GET());

        assertEquals(401, response.statusCode(), response.body());
    }

    @Test
    void malformedJsonOverHttpsIs400() throws Exception {
        HttpResponse<String> response = send(request("/v1/events").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString("{\"events\":[")));

        assertEquals(400, response.statusCode(), response.body());
    }

    @Test
    void onlyTls12AndTls13Offered() throws Exception {
        CapturedParameters parameters = new CapturedParameters();

        tls.configurator().configure(parameters);

        assertEquals(List.of("TLSv1.3", "TLSv1.2"), List.of(parameters.ssl.getProtocols()));
    }

    @Test
    void tls12ClientIsServed() throws Exception {
        try (SSLSocket socket = (SSLSocket) trusting(certificate).getSocketFactory()
                .createSocket(TestCertificates.loopback(), server.baseUrl().getPort())) {
            socket.setSoTimeout(30_000);
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});

            socket.startHandshake();

            assertEquals("TLSv1.2", socket.getSession().getProtocol());
        }
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery)).timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static SSLContext trusting(TestCertificates certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("receiver", certificate.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** Records the SSL parameters the configurator sets, as the JDK server does for each connection. */
    private static final class CapturedParameters extends HttpsParameters {
        SSLParameters ssl;

        @Override
        public com.sun.net.httpserver.HttpsConfigurator getHttpsConfigurator() {
            return null;
        }

        @Override
        public InetSocketAddress getClientAddress() {
            return null;
        }

        @Override
        public void setSSLParameters(SSLParameters parameters) {
            this.ssl = parameters;
        }
    }
}
