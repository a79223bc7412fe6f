package org.sealdrop.auditserver;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.sealdrop.SealDropException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference audit receiver: {@code POST /v1/events} and {@code GET /v1/events} over plain HTTP on
 * a loopback address, storing events in a {@link ReceiverStore}. For use across a network it runs
 * behind a TLS proxy on the same computer.
 */
public final class AuditServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AuditServer.class);

    /** Requests handled at once; more wait in the queue, and beyond it on the accepting thread. */
    private static final int WORKER_THREADS = 4;
    private static final int QUEUED_REQUESTS = 64;
    private static final int ACCEPT_BACKLOG = 64;
    private static final long SHUTDOWN_WAIT_SECONDS = 10;

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
     * Binds {@code bind} and starts serving.
     *
     * @param bind a loopback address such as 127.0.0.1; port 0 picks any free port
     * @param databaseFile the SQLite file of received events, created when missing
     * @param tokens the accepted bearer tokens, at least one
     * @throws SealDropException with code {@code SD-AUDIT-BIND} for a non-loopback or unresolved
     *     address or a port in use, {@code SD-AUDIT-TOKEN} for missing or invalid tokens, or
     *     {@code SD-AUDIT-STORE} when the database cannot be opened
     */
    public static AuditServer start(InetSocketAddress bind, Path databaseFile, Set<String> tokens) {
        requireLoopback(bind);
        BearerTokens bearerTokens = BearerTokens.of(tokens);
        ReceiverStore store = ReceiverStore.open(databaseFile);

        HttpServer server;
        try {
            server = HttpServer.create(bind, ACCEPT_BACKLOG);
        } catch (IOException e) {
            store.close();
            throw new SealDropException("SD-AUDIT-BIND", "Could not listen on " + bind.getAddress().getHostAddress()
                    + ":" + bind.getPort() + "; check that the port is free or choose another with --port.", e);
        }
        ThreadPoolExecutor workers = newWorkers();
        server.createContext("/", new EventsHandler(store, bearerTokens));
        server.setExecutor(workers);
        server.start();

        URI baseUrl = baseUrl(server.getAddress());
        log.info("Audit receiver listening on {}, storing events in {}", baseUrl, databaseFile);
        return new AuditServer(server, workers, store, baseUrl);
    }

    /** Returns the URL to give senders, such as {@code http://127.0.0.1:8423}. */
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

    /** Rejects any address but loopback, because the receiver speaks plain HTTP. */
    static void requireLoopback(InetSocketAddress bind) {
        if (bind.isUnresolved()) {
            throw new SealDropException("SD-AUDIT-BIND", "The bind address " + bind.getHostString()
                    + " is not an IP address; give 127.0.0.1.");
        }
        if (!bind.getAddress().isLoopbackAddress()) {
            throw new SealDropException("SD-AUDIT-BIND", "The audit receiver speaks plain HTTP only, so it will"
                    + " not listen on " + bind.getAddress().getHostAddress() + "; HTTPS support arrives later."
                    + " Bind 127.0.0.1 and put a TLS proxy in front of it for other computers.");
        }
    }

    private static ThreadPoolExecutor newWorkers() {
        AtomicInteger number = new AtomicInteger();
        // When the queue is full the accepting thread runs the request itself, which slows accepting
        // new connections instead of dropping one.
        return new ThreadPoolExecutor(WORKER_THREADS, WORKER_THREADS, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUED_REQUESTS),
                runnable -> {
                    Thread thread = new Thread(runnable, "audit-receiver-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.CallerRunsPolicy());
    }

    private static URI baseUrl(InetSocketAddress bound) {
        String host = bound.getAddress().getHostAddress();
        if (bound.getAddress() instanceof Inet6Address) {
            host = "[" + host.replaceFirst("%.*$", "") + "]";
        }
        return URI.create("http://" + host + ":" + bound.getPort());
    }
}
