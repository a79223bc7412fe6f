package org.sealdrop.auditserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.audit.AuditAction;

class AuditServerTest {

    static final String TOKEN = "receiver-token-2b7e151628aed2a6";
    static final String CANARY = "CANARY-Jane-Doe-referral.pdf";
    static final Instant T0 = Instant.parse("2026-03-14T09:00:00.000Z");
    static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path folder;

    AuditServer server;
    HttpClient client;

    @BeforeEach
    void startServer() throws Exception {
        server = AuditServer.start(new InetSocketAddress(loopback(), 0), folder.resolve("audit.db"), Set.of(TOKEN));
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void storesBatchAndAcknowledges() throws Exception {
        List<String> bodies = new EventChain("m.jones", "pc-1").next(3, T0);

        HttpResponse<String> response = post(EventChain.batch(bodies), TOKEN);

        assertEquals(200, response.statusCode());
        JsonNode ack = MAPPER.readTree(response.body());
        assertEquals(ids(bodies), texts(ack.get("stored")));
        assertEquals(List.of(), texts(ack.get("duplicates")));
        assertEquals(bodies, server.store().queryBodies(EventQuery.all()));
    }

    @Test
    void badSignatureIsRejectedPerEvent() throws Exception {
        List<String> bodies = new ArrayList<>(new EventChain("m.jones", "pc-1").next(3, T0));
        bodies.set(1, bodies.get(1).replace("\"user\":\"m.jones\"", "\"user\":\"a.smith\""));

        HttpResponse<String> response = post(EventChain.batch(bodies), TOKEN);

        assertEquals(200, response.statusCode());
        JsonNode ack = MAPPER.readTree(response.body());
        assertEquals(List.of(EventChain.eventId(bodies.get(0)), EventChain.eventId(bodies.get(2))),
                texts(ack.get("stored")));
        JsonNode rejected = ack.get("rejected");
        assertEquals(1, rejected.size());
        assertEquals(EventChain.eventId(bodies.get(1)), rejected.get(0).get("eventId").asText());
        assertEquals("bad_signature", rejected.get(0).get("error").asText());
    }

    @Test
    void otherKeyForPinnedDeviceIsRejected() throws Exception {
        assertEquals(200, post(EventChain.batch(new EventChain("m.jones", "pc-1").next(1, T0)), TOKEN).statusCode());
        String impostor = new EventChain("m.jones", "pc-1").next(AuditAction.OPEN, UUID.randomUUID(), T0);

        HttpResponse<String> response = post(EventChain.batch(List.of(impostor)), TOKEN);

        JsonNode ack = MAPPER.readTree(response.body());
        assertEquals(List.of(), texts(ack.get("stored")));
        assertEquals("key_mismatch", ack.get("rejected").get(0).get("error").asText());
        assertEquals(1, server.store().queryBodies(EventQuery.all()).size());
    }

    @Test
    void unsignedEventIsMalformed() throws Exception {
        String body = new EventChain("m.jones", "pc-1").next(AuditAction.OPEN, UUID.randomUUID(), T0);
        String unsigned = body.substring(0, body.indexOf(",\"publicKey\"")) + "}";

        HttpResponse<String> response = post(EventChain.batch(List.of(unsigned)), TOKEN);

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("events[0].publicKey is missing"), response.body());
    }

    @Test
    void malformedSignatureIsMalformed() throws Exception {
        String body = new EventChain("m.jones", "pc-1").next(AuditAction.OPEN, UUID.randomUUID(), T0);
        String shortSignature = body.replaceAll("\"signature\":\"[^\"]*\"", "\"signature\":\"AAAA\"");

        HttpResponse<String> response = post(EventChain.batch(List.of(shortSignature)), TOKEN);

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("events[0].signature must be"), response.body());
        assertEquals(0, server.store().queryBodies(EventQuery.all()).size());
    }

    @Test
    void sameBodyTwiceStoredOnce() throws Exception {
        List<String> bodies = new EventChain("m.jones", "pc-1").next(2, T0);
        String batch = EventChain.batch(bodies);

        // As if the first response was lost and the client sent the batch again.
        assertEquals(200, post(batch, TOKEN).statusCode());
        HttpResponse<String> again = post(batch, TOKEN);

        assertEquals(200, again.statusCode());
        JsonNode ack = MAPPER.readTree(again.body());
        assertEquals(List.of(), texts(ack.get("stored")));
        assertEquals(ids(bodies), texts(ack.get("duplicates")));
        assertEquals(2, server.store().queryBodies(EventQuery.all()).size());
    }

    @Test
    void repeatInOneBatchStoredOnce() throws Exception {
        String body = new EventChain("m.jones", "pc-1").next(AuditAction.OPEN, UUID.randomUUID(), T0);

        HttpResponse<String> response = post(EventChain.batch(List.of(body, body)), TOKEN);

        JsonNode ack = MAPPER.readTree(response.body());
        assertEquals(List.of(EventChain.eventId(body)), texts(ack.get("stored")));
        assertEquals(List.of(EventChain.eventId(body)), texts(ack.get("duplicates")));
        assertEquals(1, server.store().queryBodies(EventQuery.all()).size());
    }

    @Test
    void bodyKeptExactlyAsReceived() throws Exception {
        String body = new EventChain("m.jones", "pc-1").next(AuditAction.OPEN, UUID.randomUUID(), T0);
        String spaced = body.replace(",\"", ", \"").replace("{", "{ ");

        assertEquals(200, post("{ \"events\" : [ " + spaced + " ] }", TOKEN).statusCode());

        assertEquals(List.of(spaced), server.store().queryBodies(EventQuery.all()));
    }

    @Test
    void missingTokenIs401() throws Exception {
        String batch = EventChain.batch(new EventChain("m.jones", "pc-1").next(1, T0));

        HttpResponse<String> response = post(batch, null);

        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals(List.of(), server.store().queryBodies(EventQuery.all()));
    }

    @Test
    void wrongTokenIs401() throws Exception {
        String batch = EventChain.batch(new EventChain("m.jones", "pc-1").next(1, T0));

        assertEquals(401, post(batch, TOKEN + "x").statusCode());
        assertEquals(401, post(batch, TOKEN.substring(0, TOKEN.length() - 1)).statusCode());
        assertEquals(401, send(request("/v1/events").header("Authorization", "Basic " + TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(batch))).statusCode());
        assertEquals(List.of(), server.store().queryBodies(EventQuery.all()));
    }

    @Test
    void malformedJsonIs400() throws Exception {
        HttpResponse<String> response = post("{\"events\":[{\"eventId\":", TOKEN);

        assertEquals(400, response.statusCode());
        assertEquals("invalid_request", MAPPER.readTree(response.body()).get("error").asText());
    }

    @Test
    void notAnEventsObjectIs400() throws Exception {
        assertEquals(400, post("[]", TOKEN).statusCode());
        assertEquals(400, post("{\"items\":[]}", TOKEN).statusCode());
        assertEquals(400, post("{\"events\":{}}", TOKEN).statusCode());
        assertEquals(400, post("{\"events\":[]} trailing", TOKEN).statusCode());
    }

    @Test
    void missingFieldIs400NamingIt() throws Exception {
        List<String> bodies = new EventChain("m.jones", "pc-1").next(2, T0);
        String withoutTime = bodies.get(1).replaceFirst("\"time\":\"[^\"]*\",", "");

        HttpResponse<String> response = post(EventChain.batch(List.of(bodies.get(0), withoutTime)), TOKEN);

        assertEquals(400, response.statusCode());
        assertTrue(message(response).contains("events[1].time"), message(response));
        assertEquals(List.of(), server.store().queryBodies(EventQuery.all()), "a rejected batch stores nothing");
    }

    @Test
    void wrongTypeIs400WithoutEchoingContent() throws Exception {
        String body = new EventChain(CANARY, "pc-1").next(AuditAction.OPEN, UUID.randomUUID(), T0)
                .replaceFirst("\"sequence\":1", "\"sequence\":\"" + CANARY + "\"");

        HttpResponse<String> response = post(EventChain.batch(List.of(body)), TOKEN);

        assertEquals(400, response.statusCode());
        assertTrue(message(response).contains("events[0].sequence"), message(response));
        assertFalse(response.body().contains("CANARY"), response.body());
    }

    @Test
    void invalidFieldValuesAre400() throws Exception {
        String body = new EventChain("m.jones", "pc-1").next(AuditAction.OPEN, UUID.randomUUID(), T0);
        List<String> broken = List.of(
                body.replaceFirst("\"time\":\"2026-03-14T09:00:00.000Z\"", "\"time\":\"2026-03-14T09:00:00Z\""),
                body.replaceFirst("\"eventId\":\"[^\"]*\"", "\"eventId\":\"" + UUID.randomUUID() + "\""),
                body.replaceFirst("\"previousHash\":\"0", "\"previousHash\":\"X"),
                body.replaceFirst("\"action\":\"open\"", "\"action\":\"Open File\""),
                body.replaceFirst("\"sequence\":1", "\"sequence\":0"),
                body.replaceFirst("\"sequence\":1", "\"sequence\":1.5"),
                body.replaceFirst("\"reason\":null", "\"reason\":\"Müller\""),
                body.replaceFirst("\"user\":\"m.jones\"", "\"user\":\"\""));
        for (String event : broken) {
            assertEquals(400, post(EventChain.batch(List.of(event)), TOKEN).statusCode(), event);
        }
        assertEquals(List.of(), server.store().queryBodies(EventQuery.all()));
    }

    @Test
    void unknownFieldIs400() throws Exception {
        String body = new EventChain("m.jones", "pc-1").next(AuditAction.OPEN, UUID.randomUUID(), T0)
                .replace("\"reason\":null", "\"reason\":null,\"fileName\":\"" + CANARY + "\"");

        HttpResponse<String> response = post(EventChain.batch(List.of(body)), TOKEN);

        assertEquals(400, response.statusCode());
        assertTrue(message(response).contains("fileName"), message(response));
        assertFalse(response.body().contains("CANARY"), response.body());
    }

    @Test
    void invalidUtf8Is400() throws Exception {
        byte[] body = "{\"events\":[\"\u00ff\"]}".getBytes(StandardCharsets.ISO_8859_1);

        HttpResponse<String> response = send(request("/v1/events").header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertEquals(400, response.statusCode());
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        String padding = "x".repeat(1536 * 1024);

        HttpResponse<String> response = post("{\"events\":[],\"padding\":\"" + padding + "\"}", TOKEN);

        assertEquals(413, response.statusCode());
        assertEquals(List.of(), server.store().queryBodies(EventQuery.all()));
    }

    @Test
    void bodyAtLimitIsParsed() throws Exception {
        String prefix = "{\"events\":[]";
        String body = prefix + " ".repeat(1024 * 1024 - prefix.length() - 1) + "}";

        HttpResponse<String> response = post(body, TOKEN);

        assertEquals(200, response.statusCode());
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        HttpResponse<String> response = send(request("/v1/events").header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{\"events\":[]}")));

        assertEquals(415, response.statusCode());
    }

    @Test
    void unknownPathIs404() throws Exception {
        assertEquals(404, send(request("/v1/other").header("Authorization", "Bearer " + TOKEN).GET()).statusCode());
        assertEquals(404, send(request("/").GET()).statusCode());
    }

    @Test
    void otherMethodIs405() throws Exception {
        HttpResponse<String> response = send(request("/v1/events").header("Authorization", "Bearer " + TOKEN)
                .method("DELETE", HttpRequest.BodyPublishers.noBody()));

        assertEquals(405, response.statusCode());
        assertEquals("GET, POST", response.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void queryNeedsToken() throws Exception {
        assertEquals(401, send(request("/v1/events").GET()).statusCode());
    }

    @Test
    void queryFiltersAndOrders() throws Exception {
        UUID document = UUID.randomUUID();
        EventChain jones = new EventChain("m.jones", "pc-1");
        EventChain smith = new EventChain("a.smith", "pc-2");
        String jonesUnlock = jones.next(AuditAction.UNLOCK, null, T0);
        String smithOpen = smith.next(AuditAction.OPEN, document, T0.plusSeconds(5));
        String jonesOpen = jones.next(AuditAction.OPEN, document, T0.plusSeconds(10));
        String jonesExport = jones.next(AuditAction.EXPORT, document, T0.plusSeconds(20));
        String smithOther = smith.next(AuditAction.OPEN, UUID.randomUUID(), T0.plusSeconds(30));
        // Sent out of time order on purpose.
        post(EventChain.batch(List.of(smithOther, jonesExport, jonesUnlock)), TOKEN);
        post(EventChain.batch(List.of(jonesOpen, smithOpen)), TOKEN);

        assertEquals(List.of(jonesUnlock, smithOpen, jonesOpen, jonesExport, smithOther), get(""));
        assertEquals(List.of(smithOpen, jonesOpen, jonesExport), get("documentId=" + document));
        assertEquals(List.of(smithOpen, jonesOpen), get("documentId=" + document + "&action=open"));
        assertEquals(List.of(smithOpen, smithOther), get("deviceId=pc-2"));
        assertEquals(List.of(jonesUnlock, jonesOpen, jonesExport), get("user=m.jones"));
        assertEquals(List.of(smithOpen, jonesOpen), get("from=" + T0.plusSeconds(5) + "&to=" + T0.plusSeconds(20)));
        assertEquals(List.of(jonesUnlock, smithOpen), get("limit=2"));
    }

    @Test
    void queryEncodesParameters() throws Exception {
        EventChain chain = new EventChain("zoë müller+1", "pc-1");
        String event = chain.next(AuditAction.OPEN, UUID.randomUUID(), T0);
        post(EventChain.batch(List.of(event)), TOKEN);

        assertEquals(List.of(event), get("user=" + URLEncoder.encode("zoë müller+1", StandardCharsets.UTF_8)));
    }

    @Test
    void badQueryParameterIs400() throws Exception {
        for (String query : List.of("limit=abc", "limit=0", "limit=10001", "colour=red", "documentId=nope",
                "from=yesterday", "user=a&user=b", "from=2026-03-14T10:00:00Z&to=2026-03-14T09:00:00Z")) {
            HttpResponse<String> response = send(request("/v1/events?" + query)
                    .header("Authorization", "Bearer " + TOKEN).GET());
            assertEquals(400, response.statusCode(), query);
        }
    }

    private List<String> get(String query) throws Exception {
        HttpResponse<String> response = send(request("/v1/events" + (query.isEmpty() ? "" : "?" + query))
                .header("Authorization", "Bearer " + TOKEN).GET());
        assertEquals(200, response.statusCode(), response.body());
        List<String> bodies = new ArrayList<>();
        for (JsonNode event : MAPPER.readTree(response.body()).get("events")) {
            bodies.add(event.toString());
        }
        return bodies;
    }

    private HttpResponse<String> post(String body, String token) throws Exception {
        HttpRequest.Builder request = request("/v1/events")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery)).timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String message(HttpResponse<String> response) throws Exception {
        return MAPPER.readTree(response.body()).get("message").asText();
    }

    private static List<String> ids(List<String> bodies) {
        return bodies.stream().map(EventChain::eventId).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    static InetAddress loopback() throws Exception {
        return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    }
}
