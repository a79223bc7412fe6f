package org.sealdrop.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.config.HomeFolder;

/** The listener and the client in one JVM, over the real socket. */
class HandOffListenerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    private final BlockingQueue<List<Path>> received = new LinkedBlockingQueue<>();

    @Test
    void malformedRequestIsRejectedAndListenerGoesOn() throws Exception {
        HomeFolder home = new HomeFolder(temp.resolve("home")).createIfMissing();
        try (InstanceLock lock = InstanceLock.tryAcquire(home).orElseThrow();
                HandOffListener listener = HandOffListener.start(lock, home, received::add)) {
            assertEquals(HandOffMessage.REJECTED, exchange(listener.socketFile(),
                    "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            assertNull(received.poll(200, TimeUnit.MILLISECONDS), "a malformed request reaches no receiver");

            Path file = temp.resolve("scan.pdf");
            HandOffClient.send(home, List.of(file), PATIENCE);
            assertEquals(List.of(file), received.poll(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void closedWindowFailsHandOff() {
        HomeFolder home = new HomeFolder(temp.resolve("home")).createIfMissing();
        HandOffReceiver closing = files -> {
            throw new IllegalStateException("The window has closed and takes no more files.");
        };
        try (InstanceLock lock = InstanceLock.tryAcquire(home).orElseThrow();
                HandOffListener listener = HandOffListener.start(lock, home, closing)) {
            org.sealdrop.SealDropException e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.sealdrop.SealDropException.class,
                    () -> HandOffClient.send(home, List.of(temp.resolve("scan.pdf")), PATIENCE));
            assertEquals("SD-HAND-OFF", e.errorCode());
            assertTrue(e.getMessage().contains("did not take the files"), e.getMessage());
        }
    }

    @Test
    void stalledClientDoesNotBlockListener() throws Exception {
        HomeFolder home = new HomeFolder(temp.resolve("home")).createIfMissing();
        try (InstanceLock lock = InstanceLock.tryAcquire(home).orElseThrow();
                HandOffListener listener = HandOffListener.start(lock, home, received::add);
                SocketChannel stalled = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            stalled.connect(UnixDomainSocketAddress.of(listener.socketFile()));
            stalled.write(ByteBuffer.wrap(new byte[] {'S', 'D'}));

            // The listener serves one connection at a time, so this waits until the stalled one times out.
            Path file = temp.resolve("scan.pdf");
            HandOffClient.send(home, List.of(file), PATIENCE);
            assertEquals(List.of(file), received.poll(30, TimeUnit.SECONDS));
            assertEquals(-1, stalled.read(ByteBuffer.allocate(1)), "the listener closed the stalled connection");
        }
    }

    @Test
    void leftoverSocketFileIsReplaced() throws Exception {
        HomeFolder home = new HomeFolder(temp.resolve("home")).createIfMissing();
        Files.writeString(home.handOffSocketFile(), "left by a crashed window");
        try (InstanceLock lock = InstanceLock.tryAcquire(home).orElseThrow();
                HandOffListener listener = HandOffListener.start(lock, home, received::add)) {
            HandOffClient.send(home, List.of(), PATIENCE);
            assertEquals(List.of(), received.poll(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void secondLockInSameHomeIsRefused() {
        HomeFolder home = new HomeFolder(temp.resolve("home")).createIfMissing();
        try (InstanceLock lock = InstanceLock.tryAcquire(home).orElseThrow()) {
            assertTrue(InstanceLock.tryAcquire(home).isEmpty());
        }
        try (InstanceLock again = InstanceLock.tryAcquire(home).orElseThrow()) {
            assertTrue(again.isHeld(), "a released lock can be taken again");
        }
    }

    @Test
    void longHomePathUsesShortSocketPath() throws Exception {
        Path deep = temp;
        while (deep.toString().length() <= HandOffAddress.MAX_SOCKET_PATH_BYTES) {
            deep = deep.resolve("a-rather-long-folder-name");
        }
        HomeFolder home = new HomeFolder(deep.resolve("home")).createIfMissing();
        try (InstanceLock lock = InstanceLock.tryAcquire(home).orElseThrow();
                HandOffListener listener = HandOffListener.start(lock, home, received::add)) {
            assertFalse(listener.socketFile().startsWith(home.root()));
            assertTrue(listener.socketFile().toString().length() <= HandOffAddress.MAX_SOCKET_PATH_BYTES);

            Path file = temp.resolve("scan.pdf");
            HandOffClient.send(home, List.of(file), PATIENCE);
            assertEquals(List.of(file), received.poll(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void sharedHomeKeepsSocketOutside() throws Exception {
        HomeFolder home = new HomeFolder(Files.createDirectories(temp.resolve("shared")));
        Files.setPosixFilePermissions(home.root(), PosixFilePermissions.fromString("rwxr-x---"));
        Path runtime = Files.createDirectories(temp.resolve("runtime"));
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
        Path tmp = Files.createDirectories(temp.resolve("tmp"));

        Path withRuntime = HandOffAddress.socketFile(home, Map.of("XDG_RUNTIME_DIR", runtime.toString()), tmp, "frontdesk");
        assertEquals(runtime, withRuntime.getParent());

        Path withoutRuntime = HandOffAddress.socketFile(home, Map.of(), tmp, "frontdesk");
        assertEquals(tmp.resolve("sealdrop-frontdesk"), withoutRuntime.getParent());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(withoutRuntime.getParent())));
        assertEquals(withRuntime.getFileName(), withoutRuntime.getFileName());
    }

    @Test
    void openTemporaryFolderIsNotUsed() throws Exception {
        HomeFolder home = new HomeFolder(Files.createDirectories(temp.resolve("shared")));
        Files.setPosixFilePermissions(home.root(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path tmp = Files.createDirectories(temp.resolve("tmp"));
        Path planted = Files.createDirectories(tmp.resolve("sealdrop-frontdesk"));
        Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwxrwxrwx"));

        org.sealdrop.SealDropException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.sealdrop.SealDropException.class, () -> HandOffAddress.socketFile(home, Map.of(), tmp, "frontdesk"));
        assertEquals("SD-HAND-OFF", e.errorCode());
    }

    private static byte exchange(Path socket, byte[] request) throws Exception {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap(request));
            channel.shutdownOutput();
            ByteBuffer answer = ByteBuffer.allocate(1);
            assertEquals(1, channel.read(answer));
            return answer.get(0);
        }
    }
}
