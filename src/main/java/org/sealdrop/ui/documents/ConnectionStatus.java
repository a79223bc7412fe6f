package org.sealdrop.ui.documents;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import org.sealdrop.ui.Messages;

/**
 * View model of the status bar's connection text: whether the storage endpoint responded to the last
 * request of the background sync, an upload or an open, and since when it has not.
 *
 * <p>It sends no request itself. Only failures that mean the endpoint could not be reached or did not
 * work ({@link #CONNECTION_FAILURES}) turn it offline, because a file that vanished is no sign of a
 * network problem. It is not thread-safe, so the window calls it on the application thread only.
 */
final class ConnectionStatus {

    /** State of the storage endpoint as the window last saw it. */
    enum State {
        /** No request has ended since the view started. */
        UNKNOWN,
        CONNECTED,
        OFFLINE
    }

    /**
     * Error codes of a request that did not reach the endpoint or got no usable response after the S3
     * client's retries: no connection, no response in time, a broken connection or a server error.
     */
    static final Set<String> CONNECTION_FAILURES = Set.of("SD-S3-UNREACHABLE", "SD-S3-TIMEOUT", "SD-S3-FAILED",
            "SD-S3-TLS");

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private State state = State.UNKNOWN;
    private Instant offlineSince;

    /** Records a request that the endpoint responded to. */
    void succeeded() {
        state = State.CONNECTED;
        offlineSince = null;
    }

    /**
     * Records a failed request. A code outside {@link #CONNECTION_FAILURES} leaves the state as it is.
     *
     * @param at when the request failed; the first failure of a row of failures sets "offline since"
     * @return whether the failure counts as a connection failure
     */
    boolean failed(String errorCode, Instant at) {
        if (!CONNECTION_FAILURES.contains(errorCode)) {
            return false;
        }
        if (state != State.OFFLINE) {
            state = State.OFFLINE;
            offlineSince = at;
        }
        return true;
    }

    State state() {
        return state;
    }

    /** Time of the first connection failure since the last success, while offline. */
    Optional<Instant> offlineSince() {
        return Optional.ofNullable(offlineSince);
    }

    /** Formats the status bar's text, such as "Connected" or "Offline since 10:42 — retrying", with clock times in {@code zone}. */
    String text(ZoneId zone) {
        return switch (state) {
            case UNKNOWN -> Messages.text("status.connection.unknown");
            case CONNECTED -> Messages.text("status.connection.connected");
            case OFFLINE -> Messages.text("status.connection.offline", CLOCK_TIME.format(offlineSince.atZone(zone)));
        };
    }
}
