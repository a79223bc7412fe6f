package org.sealdrop.testsupport;

import java.security.Permission;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.sealdrop.config.EndpointPolicy;

/**
 * A security manager that lets this JVM connect to and look up loopback hosts only. Any other name
 * lookup or connection throws {@link SecurityException} before a packet leaves, and is recorded, so a
 * test of a refused URL can assert that SealDrop never tried to reach it. Every other permission is
 * granted.
 *
 * <p>Installing it prints the JDK 17 warning that the security manager is deprecated. A later JDK
 * without {@code System.setSecurityManager} needs another guard.
 */
public final class RemoteConnectionGuard extends SecurityManager implements AutoCloseable {

    private final SecurityManager previous;
    private final List<String> attempts = new CopyOnWriteArrayList<>();

    private RemoteConnectionGuard(SecurityManager previous) {
        this.previous = previous;
    }

    /** Installs the guard for this JVM until {@link #close()}. */
    @SuppressWarnings("removal")
    public static RemoteConnectionGuard install() {
        RemoteConnectionGuard guard = new RemoteConnectionGuard(System.getSecurityManager());
        System.setSecurityManager(guard);
        return guard;
    }

    /** Hosts that something in this JVM tried to look up or connect to, with the port (-1 for a lookup). */
    public List<String> attempts() {
        return List.copyOf(attempts);
    }

    public void clear() {
        attempts.clear();
    }

    @Override
    public void checkConnect(String host, int port) {
        if (!isLocal(host)) {
            attempts.add(host + ":" + port);
            throw new SecurityException("Test guard: no connection to " + host + " from this test");
        }
    }

    @Override
    public void checkConnect(String host, int port, Object context) {
        checkConnect(host, port);
    }

    @Override
    public void checkPermission(Permission permission) {
        // Everything else is allowed: the guard is about network targets only.
    }

    @Override
    public void checkPermission(Permission permission, Object context) {
        // As above.
    }

    @Override
    @SuppressWarnings("removal")
    public void close() {
        System.setSecurityManager(previous);
    }

    private static boolean isLocal(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return EndpointPolicy.isLoopback(bare);
    }
}
