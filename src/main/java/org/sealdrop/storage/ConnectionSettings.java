package org.sealdrop.storage;

import java.time.Duration;
import java.util.Objects;

/**
 * Network timeouts and retry budget of the S3 client.
 *
 * @param connectTimeout maximum time to open a TCP (and TLS) connection to the endpoint
 * @param socketTimeout maximum time that a connection may stay silent while a request or response
 *     is in flight. This is also the no-progress watchdog of a download stream: a read that receives
 *     no byte for this long fails with {@code SD-S3-TIMEOUT}.
 * @param maxAttempts how often one request is tried in total, including the first try. 5xx responses,
 *     throttling ({@code SlowDown}), broken connections and timed-out attempts are retried after an
 *     exponential backoff with full jitter.
 * @param attemptTimeout maximum time of one attempt, from sending the request until the response
 *     headers arrive, including the upload of its body. It turns a stalled upload, which the socket
 *     timeout cannot see because it only covers reads, into a retry. It must allow a whole part or
 *     single PutObject to be sent over the slowest expected link.
 */
public record ConnectionSettings(Duration connectTimeout, Duration socketTimeout, int maxAttempts,
        Duration attemptTimeout) {

    /** Default attempt count: the first try and four retries. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;

    /**
     * Default attempt timeout, long enough to send a 16 MiB single PutObject (the default multipart
     * threshold) at 0.25 Mbit/s. Reading a download stream is not limited by it.
     */
    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofMinutes(10);

    public ConnectionSettings {
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(socketTimeout, "socket timeout");
        requirePositive(attemptTimeout, "attempt timeout");
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw StorageSettings.invalid("The S3 attempt count " + maxAttempts + " is out of range; give 1 to 20.");
        }
    }

    /** Settings with the {@link #DEFAULT_ATTEMPT_TIMEOUT}; otherwise as the canonical constructor. */
    public ConnectionSettings(Duration connectTimeout, Duration socketTimeout, int maxAttempts) {
        this(connectTimeout, socketTimeout, maxAttempts, DEFAULT_ATTEMPT_TIMEOUT);
    }

    /**
     * Returns 10 s to connect, 60 s of allowed silence (also the download watchdog),
     * {@value #DEFAULT_MAX_ATTEMPTS} attempts and a 10 minute attempt timeout.
     */
    public static ConnectionSettings defaults() {
        return new ConnectionSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), DEFAULT_MAX_ATTEMPTS,
                DEFAULT_ATTEMPT_TIMEOUT);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw StorageSettings.invalid("The S3 " + name + " " + value + " must be longer than zero.");
        }
    }
}
