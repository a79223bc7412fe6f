package org.sealdrop.storage;

import java.time.Duration;
import java.util.Objects;

/**
 * Network timeouts and retry budget of the S3 client.
 *
 * @param connectTimeout maximum time to open a TCP (and TLS) connection to the endpoint
 * @param socketTimeout maximum time that a connection may stay silent while a request or response
 *     is in flight
 * @param maxAttempts how often one request is tried in total, including the first try. Throttling and
 *     5xx responses are retried with the SDK's standard exponential backoff.
 */
public record ConnectionSettings(Duration connectTimeout, Duration socketTimeout, int maxAttempts) {

    public ConnectionSettings {
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(socketTimeout, "socket timeout");
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw StorageSettings.invalid("The S3 attempt count " + maxAttempts + " is out of range; give 1 to 20.");
        }
    }

    /** Returns 10 s to connect, 60 s of allowed silence and 3 attempts (the SDK's standard count). */
    public static ConnectionSettings defaults() {
        return new ConnectionSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), 3);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw StorageSettings.invalid("The S3 " + name + " " + value + " must be longer than zero.");
        }
    }
}
