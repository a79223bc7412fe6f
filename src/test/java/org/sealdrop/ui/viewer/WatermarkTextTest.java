package org.sealdrop.ui.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sealdrop.audit.AuditIdentity;

class WatermarkTextTest {

    private static final String DEVICE = "0193e0c4-7b7a-7cc2-9a51-3f1f0f6a2b11";
    private static final Clock BERLIN_MORNING = Clock.fixed(Instant.parse("2026-12-05T08:30:12Z"), ZoneId.of("Europe/Berlin"));

    @Test
    void namesUserDeviceAndLocalTime() {
        WatermarkText watermark = WatermarkText.of(Optional.of(new AuditIdentity("alice", DEVICE, "1.0")), BERLIN_MORNING);

        assertEquals("alice \u00b7 device " + DEVICE + " \u00b7 opened 2026-12-05 09:30:12 CET", watermark.text());
    }

    @Test
    void summerTimeShowsItsZone() {
        Clock july = Clock.fixed(Instant.parse("2026-07-01T08:00:00Z"), ZoneId.of("Europe/Berlin"));

        String text = WatermarkText.of(Optional.of(new AuditIdentity("alice", DEVICE, "1.0")), july).text();

        assertTrue(text.endsWith("opened 2026-07-01 10:00:00 CEST"), text);
    }

    @Test
    void withoutIdentityNamesAccountAndUnknownDevice() {
        String text = WatermarkText.of(Optional.empty(), BERLIN_MORNING).text();

        assertTrue(text.startsWith(System.getProperty("user.name") + " \u00b7 device unknown \u00b7 "), text);
    }
}
