package org.sealdrop.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class MetadataCodecTest {

    private static final String SHA = "ab".repeat(32);

    private final DocumentMetadata metadata = new DocumentMetadata("Überweisung Müller.pdf", "application/pdf",
            1234, SHA, "MRN-1", "dr.keller", TestObjects.ADDED_AT);

    private static byte[] padded(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(bytes, 256);
    }

    @Test
    void jsonHasFixedMemberOrder() {
        assertEquals("{\"name\":\"Überweisung Müller.pdf\",\"mediaType\":\"application/pdf\",\"size\":1234,"
                + "\"sha256\":\"" + SHA + "\",\"patientReference\":\"MRN-1\",\"addedBy\":\"dr.keller\","
                + "\"addedAt\":\"2025-01-02T03:04:05Z\"}",
                new String(MetadataCodec.toJson(metadata), StandardCharsets.UTF_8));
    }

    @Test
    void paddingRoundTrips() {
        byte[] encoded = MetadataCodec.encodePadded(metadata);
        assertEquals(256, encoded.length);
        assertEquals(metadata, MetadataCodec.decodePadded(encoded));
    }

    @Test
    void nullPatientReferenceRoundTrips() {
        DocumentMetadata none = new DocumentMetadata("a", "text/plain", 0, SHA, null, "u", TestObjects.ADDED_AT);
        assertNull(MetadataCodec.decodePadded(MetadataCodec.encodePadded(none)).patientReference());
    }

    @Test
    void unknownMembersAreIgnored() {
        String json = "{\"name\":\"a\",\"mediaType\":\"t\",\"size\":1,\"sha256\":\"" + SHA + "\","
                + "\"addedBy\":\"u\",\"addedAt\":\"2025-01-02T03:04:05Z\",\"later\":true}";
        assertEquals("a", MetadataCodec.decodePadded(padded(json)).name());
    }

    @Test
    void malformedMetadataIsRejectedWithoutQuotingIt() {
        String[] bad = {
            "{\"name\":\"secret-name\"",
            "{\"name\":\"a\",\"name\":\"b\",\"mediaType\":\"t\",\"size\":1,\"sha256\":\"" + SHA
                    + "\",\"addedBy\":\"u\",\"addedAt\":\"2025-01-02T03:04:05Z\"}",
            "{\"name\":\"a\",\"mediaType\":\"t\",\"size\":1.5,\"sha256\":\"" + SHA
                    + "\",\"addedBy\":\"u\",\"addedAt\":\"2025-01-02T03:04:05Z\"}",
            "{\"name\":\"a\",\"mediaType\":\"t\",\"size\":1,\"sha256\":\"" + SHA
                    + "\",\"addedBy\":\"u\",\"addedAt\":\"yesterday\"}",
            "[]",
        };
        for (String json : bad) {
            IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                    () -> MetadataCodec.decodePadded(padded(json)), json);
            assertFalse(failure.getMessage().contains("secret-name"));
            assertNull(failure.getCause(), "no parser message is chained");
        }

        byte[] dirtyPadding = padded("{}");
        dirtyPadding[255] = 1;
        assertThrows(IllegalArgumentException.class, () -> MetadataCodec.decodePadded(dirtyPadding));
    }

    @Test
    void toStringLeavesOutPhi() {
        String text = metadata.toString();
        assertFalse(text.contains("Müller"), text);
        assertFalse(text.contains("MRN-1"), text);
        assertFalse(text.contains(SHA), text);
    }
}
