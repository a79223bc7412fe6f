package org.sealdrop.auditserver;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.sealdrop.SealDropException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference audit receiver: {@code POST /v1/events} and {@code GET /v1/events}, storing events in a
 * {@link ReceiverStore}. With a {@link ServerTls} it speaks HTTPS on any address; without one it speaks
 * plain HTTP and listens only on a loopback address.
 *
 * <p>Abuse limits: four worker threads with a queue of 64 requests, beyond which new connections are
 * closed at once; the request and response time limits of {@link ServerLimits}; request bodies of at
 * most {@link HttpExchanges#MAX_BODY_BYTES}.
 */
public final class AuditServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AuditServer.class);

    /** Requests handled at once; more wait in the queue, and beyond it their connections are closed. */
    private static final int WORKER_THREADS = 4;
    private static final int QUEUED_REQUESTS = 64;
    private static final int ACCEPT_BACKLOG = 64;
    private static final long SHUTDOWN_WAIT_SECONDS = 10;
    private static final long BUSY_WARNING_INTERVAL_MILLIS = 60_000;
    private static final AtomicLong LAST_BUSY_WARNING_MILLIS = new AtomicLong();
    private static final AtomicLong REJECTED_SINCE_WARNING = new AtomicLong();

    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final ReceiverStore store;
    private final URI baseUrl;

    private AuditServer(HttpServer server, ThreadPoolExecutor workers, ReceiverStore store, URI baseUrl) {
        this.server = server;
        this.workers = workers;
        this.store = store;
        this.baseUrl = baseUrl;
    }

    /**
     * Binds {@code bind} and starts serving plain HTTP.
     *
     * @param bind a loopback address such as 127.0.0.1; port 0 picks any free port
     * @param databaseFile the SQLite file of received events, created when missing
     * @param tokens the accepted bearer tokens, at least one
     * @throws SealDropException with code {@code SD-AUDIT-BIND} for a non-loopback or unresolved
     *     address or a port in use, {@code SD-AUDIT-TOKEN} for missing or invalid tokens, or
     *     {@code SD-AUDIT-STORE} when the database cannot be opened
     */
    public static AuditServer start(InetSocketAddress bind, Path databaseFile, Set<String> tokens) {
        return start(bind, databaseFile, tokens, null);
    }

    /**
     * Binds {@code bind} and starts serving HTTPS with {@code tls}, or plain HTTP when {@code tls} is null.
     *
     * @param bind an IP address and port; without {@code tls} only a loopback address; port 0 picks any
     *     free port
     * @param databaseFile the SQLite file of received events, created owner-only when missing
     * @param tokens the accepted bearer tokens, at least one
     * @param tls the key and certificate to serve, or null for plain HTTP on loopback
     * @throws SealDropException with code {@code SD-AUDIT-BIND} for an unresolved address, a
     *     non-loopback address without {@code tls} or a port in use, {@code SD-AUDIT-TOKEN} for missing
     *     or invalid tokens, or {@code SD-AUDIT-STORE} when the database cannot be opened
     */
    public static AuditServer start(InetSocketAddress bind, Path databaseFile, Set<String> tokens, ServerTls tls) {
        if (tls == null) {
            requireLoopback(bind);
        } else {
            requireResolved(bind);
        }
        BearerTokens bearerTokens = BearerTokens.of(tokens);
        ReceiverStore store = ReceiverStore.open(databaseFile);

        ServerLimits.apply();
        HttpServer server;
        try {
            if (tls == null) {
                server = HttpServer.create(bind, ACCEPT_BACKLOG);
            } else {
                HttpsServer https = HttpsServer.create(bind, ACCEPT_BACKLOG);
                https.setHttpsConfigurator(tls.configurator());
                server = https;
            }
        } catch (IOException e) {
            store.close();
            throw new SealDropException("SD-AUDIT-BIND", "Could not listen on " + bind.getAddress().getHostAddress()
                    + ":" + bind.getPort() + "; check that the port is free or choose another with --port.", e);
        }
        ThreadPoolExecutor workers = newWorkers();
        server.createContext("/", new EventsHandler(store, bearerTokens));
        server.setExecutor(workers);
        server.start();

        URI baseUrl = baseUrl(tls == null ? "http" : "https", server.getAddress());
        log.info("Audit receiver listening on {}, storing events in {}", baseUrl, databaseFile);
        return new AuditServer(server, workers, store, baseUrl);
    }

    /**
     * Returns the URL to give senders, such as {@code http://127.0.0.1:8423}. An HTTPS receiver bound to
     * an IP address is named by that address here, but senders use the host name its certificate names.
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /** Returns the store this server writes to. */
    public ReceiverStore store() {
        return store;
    }

    /**
     * Stops listening, lets requests in progress finish their database work, then closes the store.
     * A client whose connection is cut keeps its events and sends them again.
     */
    @Override
    public void close() {
        server.stop(0);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("Audit requests still running after {} s; closing the database anyway", SHUTDOWN_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
        log.info("Audit receiver on {} stopped", baseUrl);
    }

    /** Rejects any address but loopback, because without a TLS key store the receiver speaks plain HTTP. */
    static void requireLoopback(InetSocketAddress bind) {
        requireResolved(bind);
        if (!bind.getAddress().isLoopbackAddress()) {
            throw new SealDropException("SD-AUDIT-BIND", "Without a TLS key store the audit receiver speaks plain"
                    + " HTTP, so it will not listen on " + bind.getAddress().getHostAddress() + "; pass --tls-keystore"
                    + " and --tls-password-file to serve HTTPS, or bind 127.0.0.1.");
        }
    }

    private static void requireResolved(InetSocketAddress bind) {
        if (bind.isUnresolved()) {
            throw new SealDropException("SD-AUDIT-BIND", "The bind address " + bind.getHostString()
                    + " is not an IP address; give one such as 127.0.0.1.");
        }
    }

    private static ThreadPoolExecutor newWorkers() {
        AtomicInteger number = new AtomicInteger();
        // When the queue is full the executor rejects the request and the JDK server closes its connection
        // (checked on JDK 17), so the client retries later. Running it on the accepting thread instead
        // would let one slow client stop the server from accepting anything.
        return new ThreadPoolExecutor(WORKER_THREADS, WORKER_THREADS, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUED_REQUESTS),
                runnable -> {
                    Thread thread = new Thread(runnable, "audit-receiver-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                AuditServer::rejectBusy);
    }

    /** Logs a rejected request at most once a minute, then lets the JDK server close its connection. */
    private static void rejectBusy(Runnable request, ThreadPoolExecutor executor) {
        long rejected = REJECTED_SINCE_WARNING.incrementAndGet();
        long now = System.currentTimeMillis();
        long last = LAST_BUSY_WARNING_MILLIS.get();
        if (now - last >= BUSY_WARNING_INTERVAL_MILLIS && LAST_BUSY_WARNING_MILLIS.compareAndSet(last, now)) {
            REJECTED_SINCE_WARNING.addAndGet(-rejected);
            log.warn("Audit receiver busy: {} requests queued, closed {} new connections since the last warning",
                    executor.getQueue().size(), rejected);
        }
        throw new RejectedExecutionException("The audit receiver's request queue is full");
    }

    private static URI baseUrl(String scheme, InetSocketAddress bound) {
        String host = bound.getAddress().getHostAddress();
        if (bound.getAddress() instanceof Inet6Address) {
            host = "[" + host.replaceFirst("%.*$", "") + "]";
        }
        return URI.create(scheme + "://" + host + ":" + bound.getPort());
    }
}
