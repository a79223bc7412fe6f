package org.sealdrop.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.storage.StorageSettings;

class EmbeddedS3Test {

    /** 127.0.0.1 as /proc/net/tcp prints it, and IPv4-mapped as /proc/net/tcp6 prints it. */
    private static final Set<String> LOOPBACK_FORMS = Set.of("0100007F", "0000000000000000FFFF00000100007F");

    private static StorageSettings settingsFor(EmbeddedS3 server) {
        return StorageSettings.defaults(server.endpoint(), "us-east-1", server.bucket(), "demo");
    }

    @Test
    void listensOnLoopbackOnly() throws IOException {
        try (EmbeddedS3 server = EmbeddedS3.start(null, "demo-bucket", 0)) {
            int port = server.endpoint().getPort();

            assertEquals("127.0.0.1", server.endpoint().getHost());
            assertEquals("127.0.0.1", server.configuredEndpoint().getHost(), "the address S3Proxy binds to");
            assertNotEquals(0, port);

            Path tcp = Path.of("/proc/net/tcp");
            Path tcp6 = Path.of("/proc/net/tcp6");
            assumeTrue(Files.isReadable(tcp), "the listener check reads Linux's /proc/net/tcp");
            List<String> listeners = new ArrayList<>(listeningAddresses(tcp, port));
            if (Files.isReadable(tcp6)) {
                listeners.addAll(listeningAddresses(tcp6, port));
            }
            // Java opens dual-stack sockets, so 127.0.0.1 may show up IPv4-mapped in tcp6. A wildcard bind
            // would show 00000000 or 32 zeros.
            assertEquals(1, listeners.size(), "one listener on port " + port + ": " + listeners);
            assertTrue(LOOPBACK_FORMS.contains(listeners.get(0)), "listener bound to " + listeners.get(0));
        }
    }

    @Test
    void keepsObjectsAcrossRestart(@TempDir Path dataDirectory) throws IOException {
        byte[] content = "encrypted bytes stand-in".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String key;
        try (EmbeddedS3 first = EmbeddedS3.start(dataDirectory, "demo-bucket", 0);
                ObjectStore store = new ObjectStore(settingsFor(first), first.credentials())) {
            key = store.key("objects/kept");
            store.putSmall(key, content, Map.of("sealdrop-format", "1"));
        }

        try (EmbeddedS3 second = EmbeddedS3.start(dataDirectory, "demo-bucket", 0);
                ObjectStore store = new ObjectStore(settingsFor(second), second.credentials())) {
            assertArrayEquals(content, store.getSmall(key).orElseThrow());
            assertEquals(Map.of("sealdrop-format", "1"), store.head(key).orElseThrow().metadata());
        }
    }

    @Test
    void inMemoryServerCreatesBucket() {
        try (EmbeddedS3 server = EmbeddedS3.start(null, "fresh-bucket", 0);
                ObjectStore store = new ObjectStore(settingsFor(server), server.credentials())) {
            store.verifyBucket();
            assertEquals(List.of(), store.list(""));
        }
    }

    @Test
    void eachStartHasNewCredentials() {
        try (EmbeddedS3 first = EmbeddedS3.start(null, "demo-bucket", 0);
                EmbeddedS3 second = EmbeddedS3.start(null, "demo-bucket", 0)) {
            String firstKey = first.credentials().resolveCredentials().accessKeyId();
            String secondKey = second.credentials().resolveCredentials().accessKeyId();

            assertNotEquals(firstKey, secondKey);
            assertNotEquals(first.credentials().resolveCredentials().secretAccessKey(),
                    second.credentials().resolveCredentials().secretAccessKey());
            assertFalse(first.toString().contains(firstKey));
        }
    }

    @Test
    void takenPortFailsToStart() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SealDropException failure = assertThrows(SealDropException.class,
                    () -> EmbeddedS3.start(null, "demo-bucket", taken.getLocalPort()));

            assertEquals("SD-DEMO-S3", failure.errorCode());
        }
    }

    /** Returns the hex local addresses of the sockets in LISTEN state (0A) on {@code port}. */
    private static List<String> listeningAddresses(Path table, int port) throws IOException {
        String portHex = String.format(Locale.ROOT, "%04X", port);
        List<String> addresses = new ArrayList<>();
        List<String> lines = Files.readAllLines(table);
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.strip().split("\\s+");
            String[] local = fields[1].split(":");
            if (local[1].equals(portHex) && fields[3].equals("0A")) {
                addresses.add(local[0]);
            }
        }
        return addresses;
    }
}
