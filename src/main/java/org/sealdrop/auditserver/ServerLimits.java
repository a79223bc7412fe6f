package org.sealdrop.auditserver;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Time limits of the JDK HTTP server, so a client that sends slowly or never finishes its request
 * cannot hold a worker thread.
 *
 * <p>The JDK server (module {@code jdk.httpserver}, checked on JDK 17) has no API for them. It reads the
 * system properties {@code sun.net.httpserver.maxReqTime} and {@code sun.net.httpserver.maxRspTime},
 * in seconds, once per JVM when its first server is created. A connection whose request, including the
 * TLS handshake and the body, is not read {@code maxReqTime} after the connection was accepted is
 * closed. {@code maxRspTime} does the same for sending the response.
 */
final class ServerLimits {

    static final String MAX_REQUEST_SECONDS_PROPERTY = "sun.net.httpserver.maxReqTime";
    static final String MAX_RESPONSE_SECONDS_PROPERTY = "sun.net.httpserver.maxRspTime";

    /** Time to receive one request: a 1 MiB batch at 64 KiB/s takes 16 s. */
    static final long MAX_REQUEST_SECONDS = 30;

    /** Time to send one response: a query of 10,000 events of at most 2.5 KiB each is up to about 25 MB. */
    static final long MAX_RESPONSE_SECONDS = 120;

    private static final Logger log = LoggerFactory.getLogger(ServerLimits.class);

    private static boolean applied;

    private ServerLimits() {
    }

    /**
     * Sets both properties unless they are set already, for example with {@code -D} on the command line.
     * NOTE: a JDK HTTP server created in this JVM before the first receiver has fixed the values
     * already, so they then stay as they were (by default no limit).
     */
    static synchronized void apply() {
        if (applied) {
            return;
        }
        applied = true;
        setIfAbsent(MAX_REQUEST_SECONDS_PROPERTY, MAX_REQUEST_SECONDS);
        setIfAbsent(MAX_RESPONSE_SECONDS_PROPERTY, MAX_RESPONSE_SECONDS);
    }

    private static void setIfAbsent(String property, long seconds) {
        String current = System.getProperty(property);
        if (current == null) {
            System.setProperty(property, Long.toString(seconds));
        } else {
            log.info("Using {}={} s from the command line", property, current);
        }
    }
}
