package org.sealdrop.selftest;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import javax.net.ssl.SSLSession;
import org.sealdrop.auditserver.AuditServer;
import org.sealdrop.auditserver.ServerTls;

/**
 * Starts the audit receiver over HTTPS on 127.0.0.1 with a certificate made at run time and connects
 * to it with a client that trusts only that certificate. A runtime image without {@code jdk.crypto.ec}
 * or without the TLS cipher suites fails here.
 */
final class TlsCheck implements SelfTestCheck {

    @Override
    public String name() {
        return "tls";
    }

    @Override
    public String run(Path workFolder) throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create("127.0.0.1");
        char[] password = SelfTestReceiver.newPassword();
        Path keyStore = certificate.writeKeyStore(workFolder.resolve("tls-check.p12"), password);
        ServerTls tls = ServerTls.fromPkcs12(keyStore, password);
        Arrays.fill(password, '\0');

        try (AuditServer receiver = AuditServer.start(new InetSocketAddress("127.0.0.1", 0),
                workFolder.resolve("tls-check-events.db"), Set.of(SelfTestReceiver.newToken()), tls)) {
            HttpClient client = HttpClient.newBuilder()
                    .sslContext(certificate.trustingOnlyThis())
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            // No token: the receiver answers 401, which is enough to prove that the handshake succeeded.
            HttpRequest request = HttpRequest.newBuilder(URI.create(receiver.baseUrl() + "/v1/events"))
                    .timeout(Duration.ofSeconds(20))
                    .GET()
                    .build();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            SSLSession session = response.sslSession()
                    .orElseThrow(() -> new IllegalStateException("the connection to " + receiver.baseUrl()
                            + " did not use TLS"));
            return session.getProtocol() + " " + session.getCipherSuite() + " to " + receiver.baseUrl()
                    + " (HTTP " + response.statusCode() + ")";
        }
    }
}
