package org.sealdrop.instance;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;
import org.sealdrop.SealDropException;
import org.sealdrop.config.HomeFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second start's end of the hand-off: sends file paths to the window that holds the home folder's
 * lock and waits for it to take them.
 */
public final class HandOffClient {

    private static final Logger LOG = LoggerFactory.getLogger(HandOffClient.class);

    /** How long a second start waits for the window, which may still be starting, to take its files. */
    public static final Duration DEFAULT_PATIENCE = Duration.ofSeconds(15);

    private static final long CONNECT_RETRY_MILLIS = 100;

    private HandOffClient() {
    }

    /**
     * Hands {@code files} to the window of {@code home} and requests that it come to the front. Connecting is
     * retried until {@code patience} has passed, because a window that has just taken the lock may not
     * listen yet.
     *
     * @param files absolute paths, possibly none
     * @throws IllegalArgumentException when a path is relative or there are too many (see {@link HandOffMessage})
     * @throws SealDropException with code {@code SD-HAND-OFF} when the window could not be reached in
     *     time or did not take the files
     */
    public static void send(HomeFolder home, List<Path> files, Duration patience) {
        byte[] request = HandOffMessage.encode(files);
        Instant giveUp = Instant.now().plus(patience);
        Path socketFile = HandOffAddress.socketFile(home);
        try (SocketChannel channel = connect(socketFile, giveUp)) {
            Timer timer = new Timer("sealdrop-hand-off-timeout", true);
            timer.schedule(closing(channel), Math.max(1, Duration.between(Instant.now(), giveUp).toMillis()));
            try {
                exchange(channel, request);
            } finally {
                timer.cancel();
            }
        } catch (IOException e) {
            throw notTaken(home, e);
        }
        LOG.info("Handed {} files to the running window", files.size());
    }

    private static SocketChannel connect(Path socketFile, Instant giveUp) throws IOException {
        while (true) {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(UnixDomainSocketAddress.of(socketFile));
                return channel;
            } catch (IOException e) {
                channel.close();
                if (Instant.now().isAfter(giveUp)) {
                    throw e;
                }
            }
            try {
                Thread.sleep(CONNECT_RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for the window", e);
            }
        }
    }

    private static void exchange(SocketChannel channel, byte[] request) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(request);
        while (out.hasRemaining()) {
            channel.write(out);
        }
        channel.shutdownOutput();

        ByteBuffer answer = ByteBuffer.allocate(1);
        while (answer.hasRemaining()) {
            if (channel.read(answer) < 0) {
                throw new IOException("The window closed the connection without an answer");
            }
        }
        if (answer.get(0) != HandOffMessage.ACCEPTED) {
            throw new IOException("The window rejected the request");
        }
    }

    private static TimerTask closing(SocketChannel channel) {
        return new TimerTask() {
            @Override
            public void run() {
                try {
                    channel.close();
                } catch (IOException e) {
                    // The waiting read fails either way.
                }
            }
        };
    }

    private static SealDropException notTaken(HomeFolder home, IOException cause) {
        return new SealDropException("SD-HAND-OFF", "SealDrop is already open for the home folder " + home.root()
                + ", but its window did not take the files (" + cause.getClass().getSimpleName()
                + "); switch to that window, or close it and start SealDrop again.", cause);
    }
}
