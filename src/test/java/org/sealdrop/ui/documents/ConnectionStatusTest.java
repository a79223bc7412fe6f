package org.sealdrop.ui.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionStatusTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant AT_10_42 = Instant.parse("2026-12-05T09:42:10Z");

    private final ConnectionStatus status = new ConnectionStatus();

    @Test
    void unknownBeforeFirstResult() {
        assertEquals(ConnectionStatus.State.UNKNOWN, status.state());
        assertEquals("Storage: checking the connection\u2026", status.text(BERLIN));
    }

    @Test
    void successShowsConnected() {
        status.succeeded();

        assertEquals(ConnectionStatus.State.CONNECTED, status.state());
        assertEquals("Connected", status.text(BERLIN));
    }

    @Test
    void connectionFailureShowsOfflineSince() {
        status.succeeded();

        assertTrue(status.failed("SD-S3-UNREACHABLE", AT_10_42));

        assertEquals(ConnectionStatus.State.OFFLINE, status.state());
        assertEquals("Offline since 10:42 \u2014 retrying", status.text(BERLIN));
    }

    @Test
    void laterFailuresKeepFirstTime() {
        status.failed("SD-S3-TIMEOUT", AT_10_42);
        status.failed("SD-S3-FAILED", AT_10_42.plusSeconds(600));

        assertEquals(Optional.of(AT_10_42), status.offlineSince());
        assertEquals("Offline since 10:42 \u2014 retrying", status.text(BERLIN));
    }

    @Test
    void successAfterOfflineShowsConnected() {
        status.failed("SD-S3-UNREACHABLE", AT_10_42);

        status.succeeded();

        assertEquals("Connected", status.text(BERLIN));
        assertEquals(Optional.empty(), status.offlineSince());
        status.failed("SD-S3-UNREACHABLE", AT_10_42.plusSeconds(3600));
        assertEquals("Offline since 11:42 \u2014 retrying", status.text(BERLIN));
    }

    @Test
    void otherFailuresChangeNothing() {
        status.succeeded();

        for (String code : new String[] {"SD-SOURCE-MISSING", "SD-SOURCE-CHANGED", "SD-INTEGRITY", "SD-CANCELLED",
                "SD-S3-ACCESS-DENIED", "SD-VAULT-LOCKED"}) {
            assertFalse(status.failed(code, AT_10_42), code);
            assertEquals(ConnectionStatus.State.CONNECTED, status.state(), code);
        }
    }
}
