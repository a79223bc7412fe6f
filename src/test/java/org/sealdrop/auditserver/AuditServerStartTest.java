package org.sealdrop.auditserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;

/** Starting the receiver: its address, and the checks of the bind address, the tokens and a taken port. */
class AuditServerStartTest {

    private static final String TOKEN = AuditServerTest.TOKEN;

    @TempDir
    Path folder;

    @Test
    void baseUrlIsLoopback() throws Exception {
        try (AuditServer server = AuditServer.start(new InetSocketAddress(AuditServerTest.loopback(), 0),
                folder.resolve("audit.db"), Set.of(TOKEN))) {
            assertEquals("http", server.baseUrl().getScheme());
            assertEquals("127.0.0.1", server.baseUrl().getHost());
            assertTrue(server.baseUrl().getPort() > 0);
        }
    }

    @Test
    void nonLoopbackBindRejected() throws Exception {
        // Checked without binding, so even a broken check neither listens on nor sends to this address.
        InetSocketAddress documentationAddress = new InetSocketAddress(
                InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1}), 8423);

        SealDropException e = assertThrows(SealDropException.class,
                () -> AuditServer.requireLoopback(documentationAddress));

        assertEquals("SD-AUDIT-BIND", e.errorCode());
        assertTrue(e.getMessage().contains("--tls-keystore"), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
    }

    @Test
    void unresolvedBindRejected() {
        SealDropException e = assertThrows(SealDropException.class,
                () -> AuditServer.requireLoopback(InetSocketAddress.createUnresolved("audit-host", 8423)));

        assertEquals("SD-AUDIT-BIND", e.errorCode());
    }

    @Test
    void tokensRequired() throws Exception {
        InetSocketAddress bind = new InetSocketAddress(AuditServerTest.loopback(), 0);

        assertEquals("SD-AUDIT-TOKEN", assertThrows(SealDropException.class,
                () -> AuditServer.start(bind, folder.resolve("other.db"), Set.of())).errorCode());
        assertEquals("SD-AUDIT-TOKEN", assertThrows(SealDropException.class,
                () -> AuditServer.start(bind, folder.resolve("other.db"), Set.of("short"))).errorCode());
    }

    @Test
    void portInUseRejected() throws Exception {
        try (AuditServer server = AuditServer.start(new InetSocketAddress(AuditServerTest.loopback(), 0), folder.resolve("audit.db"),
                Set.of(TOKEN))) {
            InetSocketAddress taken = new InetSocketAddress(AuditServerTest.loopback(), server.baseUrl().getPort());

            SealDropException e = assertThrows(SealDropException.class,
                    () -> AuditServer.start(taken, folder.resolve("other.db"), Set.of(TOKEN)));

            assertEquals("SD-AUDIT-BIND", e.errorCode());
        }
    }
}
