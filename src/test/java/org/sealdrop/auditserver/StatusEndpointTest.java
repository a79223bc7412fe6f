package org.sealdrop.auditserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /v1/status}: a token check that neither reads nor writes events. */
class StatusEndpointTest {

    @TempDir
    Path folder;

    private AuditServer server;
    private HttpClient client;

    @BeforeEach
    void startServer() throws Exception {
        server = AuditServer.start(new InetSocketAddress(AuditServerTest.loopback(), 0), folder.resolve("audit.db"),
                Set.of(AuditServerTest.TOKEN));
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void validTokenGetsOk() throws Exception {
        HttpResponse<String> response = client.send(status("GET", AuditServerTest.TOKEN),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertEquals("{\"status\":\"ok\"}", response.body());
        assertEquals(0, server.store().queryBodies(new EventQuery(null, null, null, null, null, null, 10)).size());
    }

    @Test
    void wrongTokenGets401() throws Exception {
        HttpResponse<String> response = client.send(status("GET", "wrong-token-0123456789"),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(401, response.statusCode());
    }

    @Test
    void missingTokenGets401() throws Exception {
        HttpResponse<String> response = client.send(status("GET", null), HttpResponse.BodyHandlers.ofString());

        assertEquals(401, response.statusCode());
    }

    @Test
    void postGets405() throws Exception {
        HttpResponse<String> response = client.send(status("POST", AuditServerTest.TOKEN),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(405, response.statusCode());
        assertEquals("GET", response.headers().firstValue("Allow").orElse(""));
    }

    private HttpRequest status(String method, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/status"))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }
}
