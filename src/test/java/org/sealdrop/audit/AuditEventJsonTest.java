package org.sealdrop.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sealdrop.SealDropException;

/**
 * The canonical JSON, signed body and chain hash. The expected hashes were computed outside Java, for
 * example {@code printf '%s' "$BODY" | sha256sum}, the first signature was checked with
 * {@code openssl pkeyutl -verify -rawin}, and docs/AUDIT.md shows the same two vectors. The signing key
 * is the private key of RFC 8032, section 7.1, TEST 1.
 */
class AuditEventJsonTest {

    static final UUID DOCUMENT = UUID.fromString("3f2b1c4e-5d6a-4b7c-8d9e-0f1a2b3c4d5e");

    static final AuditEvent FIRST = new AuditEvent(UUID.fromString("019cebab-8995-7c3d-8e4f-0123456789ab"),
            Instant.parse("2026-03-14T09:26:53.589Z"), "zoë.müller", "clinic-pc-07", AuditAction.OPEN, DOCUMENT,
            Outcome.SUCCESS, null, "0.1.0", 1, AuditEvent.FIRST_PREVIOUS_HASH);
    static final String FIRST_JSON = "{\"eventId\":\"019cebab-8995-7c3d-8e4f-0123456789ab\","
            + "\"time\":\"2026-03-14T09:26:53.589Z\",\"user\":\"zoë.müller\",\"deviceId\":\"clinic-pc-07\","
            + "\"action\":\"open\",\"documentId\":\"3f2b1c4e-5d6a-4b7c-8d9e-0f1a2b3c4d5e\",\"outcome\":\"success\","
            + "\"reason\":null,\"appVersion\":\"0.1.0\",\"sequence\":1,"
            + "\"previousHash\":\"0000000000000000000000000000000000000000000000000000000000000000\"}";
    static final String PUBLIC_KEY = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
    static final String FIRST_BODY = FIRST_JSON.substring(0, FIRST_JSON.length() - 1)
            + ",\"publicKey\":\"" + PUBLIC_KEY + "\",\"signature\":\"94xHYGDi84V8RKcdo7U4DXcdAtcgsWWFy7FFBxyNqaFgub4N"
            + "/ykkwpFsFSNQaoHlR1S6HvM0HhZswxI8NFAEDQ==\"}";
    static final String FIRST_HASH = "1bfed8b23423bfd0cec53dcbad3fdfb860955fd40a3c592fca5667b457d388c5";

    static final AuditEvent SECOND = new AuditEvent(UUID.fromString("019cebab-8b90-7000-8000-000000000001"),
            Instant.parse("2026-03-14T09:26:54.096Z"), "zoë.müller", "clinic-pc-07", AuditAction.INTEGRITY_FAILURE,
            DOCUMENT, Outcome.FAILURE, "SD-INTEGRITY", "0.1.0", 2, FIRST_HASH);
    static final String SECOND_JSON = "{\"eventId\":\"019cebab-8b90-7000-8000-000000000001\","
            + "\"time\":\"2026-03-14T09:26:54.096Z\",\"user\":\"zoë.müller\",\"deviceId\":\"clinic-pc-07\","
            + "\"action\":\"integrity_failure\",\"documentId\":\"3f2b1c4e-5d6a-4b7c-8d9e-0f1a2b3c4d5e\","
            + "\"outcome\":\"failure\",\"reason\":\"SD-INTEGRITY\",\"appVersion\":\"0.1.0\",\"sequence\":2,"
            + "\"previousHash\":\"1bfed8b23423bfd0cec53dcbad3fdfb860955fd40a3c592fca5667b457d388c5\"}";
    static final String SECOND_BODY = SECOND_JSON.substring(0, SECOND_JSON.length() - 1)
            + ",\"publicKey\":\"" + PUBLIC_KEY + "\",\"signature\":\"TaNmUh3axB1juNu8NMUrZUz8gOE4usbzIRhxMmLjEytP+VnoKmYk"
            + "kUgufhhepLiwjZqhEpXNaVYGyxMSuIMIBA==\"}";
    static final String SECOND_HASH = "e8c0c18ef0677d639db55c2510edef1bd07dda45394829db61ad8c2b9a47a3a1";

    /** The key pair of RFC 8032, section 7.1, TEST 1. */
    static DeviceSigningKey testKey() {
        HexFormat hex = HexFormat.of();
        return DeviceSigningKey.fromSeed(hex.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"),
                hex.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
    }

    @Test
    void canonicalJsonMatchesVectors() {
        assertEquals(FIRST_JSON, AuditEventJson.canonical(FIRST));
        assertEquals(SECOND_JSON, AuditEventJson.canonical(SECOND));
    }

    @Test
    void signedBodyMatchesVectors() {
        DeviceSigningKey key = testKey();

        assertEquals(PUBLIC_KEY, key.publicKeyBase64());
        assertEquals(FIRST_BODY, EventSignatures.signedBody(FIRST, key));
        assertEquals(SECOND_BODY, EventSignatures.signedBody(SECOND, key));
    }

    @Test
    void hashMatchesVectors() {
        assertEquals(FIRST_HASH, AuditEventJson.hash(FIRST_BODY));
        assertEquals(SECOND_HASH, AuditEventJson.hash(SECOND_BODY));
        assertEquals(FIRST_HASH, SECOND.previousHash());
    }

    @Test
    void documentationShowsVectors() throws Exception {
        String doc = Files.readString(Path.of("docs", "AUDIT.md"));

        assertTrue(doc.contains(FIRST_JSON), "docs/AUDIT.md lacks the first vector's signed JSON");
        assertTrue(doc.contains(FIRST_BODY), "docs/AUDIT.md lacks the first vector's body");
        assertTrue(doc.contains(FIRST_HASH), "docs/AUDIT.md lacks the first vector's hash");
        assertTrue(doc.contains(SECOND_JSON), "docs/AUDIT.md lacks the second vector's signed JSON");
        assertTrue(doc.contains(SECOND_BODY), "docs/AUDIT.md lacks the second vector's body");
        assertTrue(doc.contains(SECOND_HASH), "docs/AUDIT.md lacks the second vector's hash");
        assertTrue(doc.contains("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"),
                "docs/AUDIT.md lacks the test key");
    }

    @Test
    void fieldOrderIsFixed() throws Exception {
        List<String> names = new ArrayList<>();
        new ObjectMapper().readTree(AuditEventJson.canonical(SECOND)).fieldNames().forEachRemaining(names::add);

        assertEquals(AuditEventJson.FIELDS, names);
    }

    @Test
    void quotesAndBackslashesAreEscaped() {
        AuditEvent event = withUser("dr \"h\" \\ o'neil");

        String json = AuditEventJson.canonical(event);

        assertTrue(json.contains("\"user\":\"dr \\\"h\\\" \\\\ o'neil\""), json);
        assertEquals(event, AuditEventJson.parse(json));
    }

    @Test
    void parseRoundTrips() {
        assertEquals(FIRST, AuditEventJson.parse(FIRST_JSON));
        assertEquals(SECOND, AuditEventJson.parse(SECOND_JSON));
        assertEquals(FIRST, AuditEventJson.parse(FIRST_BODY));
        assertEquals(SECOND, AuditEventJson.parse(SECOND_BODY));
    }

    @Test
    void parseRejectsUnknownField() {
        String json = FIRST_JSON.replace("\"reason\":null", "\"reason\":null,\"fileName\":\"x.pdf\"");

        SealDropException e = assertThrows(SealDropException.class, () -> AuditEventJson.parse(json));

        assertEquals("SD-AUDIT-INVALID", e.errorCode());
    }

    @Test
    void parseRejectsMissingField() {
        String json = FIRST_JSON.replace("\"sequence\":1,", "");

        SealDropException e = assertThrows(SealDropException.class, () -> AuditEventJson.parse(json));

        assertTrue(e.getMessage().contains("sequence"), e.getMessage());
    }

    @Test
    void eventRejectsControlCharacters() {
        SealDropException e = assertThrows(SealDropException.class, () -> withUser("line\nbreak"));

        assertEquals("SD-AUDIT-INVALID", e.errorCode());
    }

    @Test
    void eventRejectsNonAsciiReason() {
        assertThrows(SealDropException.class, () -> new AuditEvent(FIRST.eventId(), FIRST.time(), "u", "d",
                AuditAction.OPEN, null, Outcome.FAILURE, "Müller.pdf", "1", 1, AuditEvent.FIRST_PREVIOUS_HASH));
    }

    @Test
    void eventTruncatesTimeToMillis() {
        AuditEvent event = new AuditEvent(FIRST.eventId(), Instant.parse("2026-03-14T09:26:53.589999Z"), "u", "d",
                AuditAction.LOCK, null, Outcome.SUCCESS, null, "1", 1, AuditEvent.FIRST_PREVIOUS_HASH);

        assertEquals(Instant.parse("2026-03-14T09:26:53.589Z"), event.time());
    }

    @Test
    void wireNamesAreSnakeCase() {
        assertEquals("unlock_failed", AuditAction.UNLOCK_FAILED.wireName());
        assertEquals("integrity_failure", AuditAction.INTEGRITY_FAILURE.wireName());
        assertEquals("denied", Outcome.DENIED.wireName());
        assertEquals(AuditAction.UNLOCK_FAILED, AuditAction.fromWireName("unlock_failed"));
    }

    private static AuditEvent withUser(String user) {
        return new AuditEvent(FIRST.eventId(), FIRST.time(), user, FIRST.deviceId(), FIRST.action(),
                FIRST.documentId(), FIRST.outcome(), null, FIRST.appVersion(), 1, AuditEvent.FIRST_PREVIOUS_HASH);
    }
}
