package org.sealdrop.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sealdrop.SealDropException;

/** The device key file: created once, owner-only, read back as the same pair, damage reported. */
class DeviceSigningKeyTest {

    @TempDir
    Path folder;

    @Test
    void createdKeyIsReadBack() {
        Path file = folder.resolve("device-signing-key");
        DeviceSigningKey created = DeviceSigningKey.loadOrCreate(file);

        DeviceSigningKey loaded = DeviceSigningKey.loadOrCreate(file);

        assertArrayEquals(created.publicKey(), loaded.publicKey());
        byte[] message = "event".getBytes(StandardCharsets.UTF_8);
        assertTrue(EventSignatures.verify(created.publicKey(), message, loaded.sign(message)));
    }

    @Test
    void keyFileIsOwnerOnly() throws Exception {
        Path file = folder.resolve("device-signing-key");
        DeviceSigningKey.loadOrCreate(file);

        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("ed25519-private-key "), lines.get(0));
        assertTrue(lines.get(1).startsWith("ed25519-public-key "), lines.get(1));
    }

    @Test
    void damagedFileIsReported() throws Exception {
        Path file = folder.resolve("device-signing-key");
        Files.writeString(file, "ed25519-private-key AAAA\n");

        SealDropException e = assertThrows(SealDropException.class, () -> DeviceSigningKey.loadOrCreate(file));

        assertEquals("SD-DEVICE-KEY", e.errorCode());
        assertTrue(e.getMessage().contains("device-id"), e.getMessage());
    }

    @Test
    void publicKeyOfAnotherPairIsReported() throws Exception {
        Path first = folder.resolve("first");
        Path second = folder.resolve("second");
        DeviceSigningKey.loadOrCreate(first);
        DeviceSigningKey.loadOrCreate(second);
        String mixed = Files.readAllLines(first).get(0) + "\n" + Files.readAllLines(second).get(1) + "\n";
        Path file = folder.resolve("mixed");
        Files.writeString(file, mixed);

        SealDropException e = assertThrows(SealDropException.class, () -> DeviceSigningKey.loadOrCreate(file));

        assertEquals("SD-DEVICE-KEY", e.errorCode());
    }

    @Test
    void testKeyMustMatchItsPublicKey() {
        byte[] seed = new byte[32];

        assertThrows(IllegalArgumentException.class,
                () -> DeviceSigningKey.fromSeed(seed, AuditEventJsonTest.testKey().publicKey()));
    }
}
