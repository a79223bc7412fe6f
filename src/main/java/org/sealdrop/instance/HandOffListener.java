package org.sealdrop.instance;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.sealdrop.SealDropException;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.instance.HandOffMessage.MalformedHandOffException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running window's end of the hand-off: a Unix domain socket ({@link HandOffAddress}) on which a
 * second start of SealDrop for the same home folder sends its file arguments ({@link HandOffMessage}).
 *
 * <p>One thread accepts and serves one connection at a time. A connection gets
 * {@value #REQUEST_TIMEOUT_SECONDS} seconds to deliver its request, so a client that stalls cannot
 * block the listener. Where the platform reports the peer's user (Linux and macOS), a connection from
 * another user is closed unread. The socket sits in a folder only this user can enter, so that check
 * is a second line. The log names counts of files and never their paths, which are PHI.
 */
public final class HandOffListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HandOffListener.class);

    static final long REQUEST_TIMEOUT_SECONDS = 5;

    private final ServerSocketChannel server;
    private final Path socketFile;
    private final HandOffReceiver receiver;
    private final ScheduledExecutorService deadlines;
    private final Thread acceptor;
    private volatile boolean closed;

    private HandOffListener(ServerSocketChannel server, Path socketFile, HandOffReceiver receiver) {
        this.server = server;
        this.socketFile = socketFile;
        this.receiver = receiver;
        this.deadlines = Executors.newSingleThreadScheduledExecutor(work -> daemon(work, "sealdrop-hand-off-deadline"));
        this.acceptor = daemon(this::acceptLoop, "sealdrop-hand-off");
    }

    /**
     * Binds the hand-off socket of {@code home} and starts passing requests to {@code receiver}.
     * Because the caller holds the home folder's lock, a socket file already there was left by a
     * window that ended without removing it, such as one that crashed, and is deleted first.
     *
     * @throws IllegalStateException when {@code lock} is no longer held
     * @throws SealDropException with code {@code SD-HAND-OFF} when the socket cannot be bound
     */
    public static HandOffListener start(InstanceLock lock, HomeFolder home, HandOffReceiver receiver) {
        if (!lock.isHeld()) {
            throw new IllegalStateException("The hand-off listener needs the home folder's window lock.");
        }
        Objects.requireNonNull(receiver, "receiver");
        Path socketFile = HandOffAddress.socketFile(home);
        ServerSocketChannel server = null;
        try {
            if (Files.deleteIfExists(socketFile)) {
                LOG.info("Removed the hand-off socket of an earlier window that did not end normally");
            }
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socketFile));
            HomeFolder.restrictToOwner(socketFile);
        } catch (IOException | UnsupportedOperationException e) {
            closeQuietly(server);
            throw new SealDropException("SD-HAND-OFF", "The hand-off socket " + socketFile
                    + " could not be opened (" + e.getClass().getSimpleName()
                    + "); a second start of SealDrop cannot pass files to this window.", e);
        }
        HandOffListener listener = new HandOffListener(server, socketFile, receiver);
        listener.acceptor.start();
        LOG.info("Listening for hand-offs from further starts");
        return listener;
    }

    /** Returns the socket path that a second start connects to. */
    public Path socketFile() {
        return socketFile;
    }

    /** Stops accepting and removes the socket file. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        deadlines.shutdownNow();
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(REQUEST_TIMEOUT_SECONDS + 1));
            Files.deleteIfExists(socketFile);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warn("The hand-off socket file could not be removed ({}); the next start removes it",
                    e.getClass().getSimpleName());
        }
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.warn("Accepting a hand-off failed ({})", e.getClass().getSimpleName());
                continue;
            }
            serve(client);
        }
    }

    private void serve(SocketChannel client) {
        ScheduledFuture<?> deadline = deadlines.schedule(() -> closeQuietly(client), REQUEST_TIMEOUT_SECONDS,
                TimeUnit.SECONDS);
        try (client) {
            if (!fromThisUser(client)) {
                LOG.warn("Rejected a hand-off connection from another user");
                return;
            }
            List<Path> files;
            try {
                files = HandOffMessage.decode(limited(Channels.newInputStream(client)));
            } catch (MalformedHandOffException e) {
                LOG.warn("Rejected a malformed hand-off: {}", e.getMessage());
                answer(client, HandOffMessage.REJECTED);
                return;
            }
            receiver.receive(files);
            answer(client, HandOffMessage.ACCEPTED);
            LOG.info("Took a hand-off of {} files", files.size());
        } catch (IOException e) {
            LOG.warn("A hand-off connection failed or timed out ({})", e.getClass().getSimpleName());
        } catch (IllegalStateException closing) {
            LOG.info("Declined a hand-off because the window no longer takes files");
        } catch (RuntimeException e) {
            // The exception's message could name a handed file, so only its type is logged.
            LOG.error("The window failed to take a hand-off ({})", e.getClass().getName());
        } finally {
            deadline.cancel(false);
        }
    }

    /** Compares the peer's user with the owner of the socket file, which this process created. */
    private boolean fromThisUser(SocketChannel client) throws IOException {
        if (!client.supportedOptions().contains(ExtendedSocketOptions.SO_PEERCRED)) {
            return true;
        }
        UnixDomainPrincipal peer = client.getOption(ExtendedSocketOptions.SO_PEERCRED);
        return peer.user().getName().equals(Files.getOwner(socketFile).getName());
    }

    /** Caps what one request may send at the size of the largest valid request. */
    private static InputStream limited(InputStream in) {
        long maxBytes = 9L + (long) HandOffMessage.MAX_FILES * (4 + HandOffMessage.MAX_PATH_BYTES) + 1;
        return new java.io.FilterInputStream(in) {
            private long left = maxBytes;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(buffer, offset, (int) Math.min(length, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
    }

    private static void answer(SocketChannel client, byte answer) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {answer});
        while (buffer.hasRemaining()) {
            client.write(buffer);
        }
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Closing is the last step; nothing depends on it succeeding.
        }
    }

    private static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }
}
