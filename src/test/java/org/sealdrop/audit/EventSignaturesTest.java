package org.sealdrop.audit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signatures verify for the vector bodies and fail for every changed field, key or signature. */
class EventSignaturesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void vectorBodiesVerify() {
        assertTrue(EventSignatures.verify(AuditEventJsonTest.FIRST_BODY));
        assertTrue(EventSignatures.verify(AuditEventJsonTest.SECOND_BODY));
    }

    @Test
    void otherJsonSpellingVerifies() throws Exception {
        String spaced = MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(MAPPER.readTree(AuditEventJsonTest.SECOND_BODY));

        assertTrue(EventSignatures.verify(spaced), spaced);
    }

    @Test
    void everyChangedFieldFails() throws Exception {
        Map<String, Object> changes = Map.ofEntries(
                Map.entry("eventId", "019cebab-8995-7c3d-8e4f-0123456789ac"),
                Map.entry("time", "2026-03-14T09:26:53.590Z"),
                Map.entry("user", "zoe.muller"),
                Map.entry("deviceId", "clinic-pc-08"),
                Map.entry("action", "export"),
                Map.entry("documentId", "3f2b1c4e-5d6a-4b7c-8d9e-0f1a2b3c4d5f"),
                Map.entry("outcome", "failure"),
                Map.entry("reason", "SD-INTEGRITY"),
                Map.entry("appVersion", "0.1.1"),
                Map.entry("sequence", 2L),
                Map.entry("previousHash", "1".repeat(64)));
        for (String field : AuditEventJson.FIELDS) {
            ObjectNode event = (ObjectNode) MAPPER.readTree(AuditEventJsonTest.FIRST_BODY);
            Object value = changes.get(field);
            if (value instanceof Long number) {
                event.put(field, number);
            } else {
                event.put(field, (String) value);
            }

            assertFalse(EventSignatures.verify(event), field + " changed but the signature verified");
        }
    }

    @Test
    void otherDevicesKeyFails() throws Exception {
        DeviceSigningKey other = DeviceSigningKey.loadOrCreate(folder.resolve("other-key"));
        ObjectNode event = (ObjectNode) MAPPER.readTree(AuditEventJsonTest.FIRST_BODY);
        event.put("publicKey", other.publicKeyBase64());

        assertFalse(EventSignatures.verify(event));
    }

    @Test
    void changedSignatureFails() throws Exception {
        ObjectNode event = (ObjectNode) MAPPER.readTree(AuditEventJsonTest.FIRST_BODY);
        String signature = event.get("signature").textValue();
        event.put("signature", (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1));

        assertFalse(EventSignatures.verify(event));
    }

    @Test
    void missingSignatureFails() {
        assertFalse(EventSignatures.verify(AuditEventJsonTest.FIRST_JSON));
    }

    @Test
    void nonCanonicalBase64IsRejected() {
        String key = AuditEventJsonTest.PUBLIC_KEY;
        // 'o' and 'p' differ only in padding bits that base64 decoders drop.
        String sameBytes = key.substring(0, 42) + "p=";

        assertTrue(EventSignatures.isPublicKeyForm(key));
        assertFalse(EventSignatures.isPublicKeyForm(sameBytes));
        assertFalse(EventSignatures.isPublicKeyForm(key.replace("=", "")));
        assertFalse(EventSignatures.isSignatureForm(key));
    }
}
