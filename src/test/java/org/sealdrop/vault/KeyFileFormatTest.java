package org.sealdrop.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sealdrop.crypto.SecretKeyBytes;

/** The key file's JSON members and its MAC encoding, checked against docs/FORMAT.md. */
class KeyFileFormatTest {

    @Test
    void macMatchesTheDocumentedVector() {
        try (SecretKeyBytes newestKey = SecretKeyBytes.copyOf(counting(0x60, 32))) {
            assertEquals(FormatDocument.keyFileMacVector(), HexFormat.of().formatHex(KeyFileMac.compute(vectorFile(), newestKey)));
        }
    }

    @Test
    void jsonHasTheDocumentedMembers() {
        String json = new String(vectorFile().toJson(), StandardCharsets.UTF_8);
        for (String member : List.of("\"format\"", "\"version\" : 2", "\"vaultId\"", "\"createdAt\"", "\"passphrase\"",
                "\"kdf\" : \"argon2id\"", "\"memoryKiB\"", "\"iterations\"", "\"parallelism\"", "\"salt\"", "\"recovery\"",
                "\"kem\" : \"hpke-x25519-sha256-aes256gcm\"", "\"publicKey\"", "\"keys\"", "\"keyVersion\"",
                "\"passphraseWrap\"", "\"recoveryWrap\"", "\"rewrapPending\" : false", "\"mac\"")) {
            assertTrue(json.contains(member), member + " in " + json);
        }
    }

    @Test
    void jsonRoundTripKeepsTheMac() {
        try (SecretKeyBytes newestKey = SecretKeyBytes.copyOf(counting(0x60, 32))) {
            KeyFile signed = KeyFileMac.sign(vectorFile(), newestKey);
            KeyFile parsed = KeyFile.parse(signed.toJson(), "test");
            KeyFileMac.verify(parsed, newestKey);
        }
    }

    /** Builds the example file of docs/FORMAT.md, "Key file MAC". */
    private static KeyFile vectorFile() {
        Instant time = Instant.parse("2025-01-02T03:04:05Z");
        PassphraseSlot slot = new PassphraseSlot("argon2id", 65536, 3, 1, counting(0x00, 16));
        RecoverySlot recovery = new RecoverySlot(RecoveryWrapping.KEM, counting(0x20, 32));
        WrappedVaultKey key = new WrappedVaultKey(1, time, counting(0x40, 61), counting(0x80, 81));
        return new KeyFile(KeyFile.FORMAT, 2, UUID.fromString("00000000-0000-4000-8000-000000000001"), time, slot,
                recovery, List.of(key), false, new byte[KeyFileMac.LENGTH]);
    }

    private static byte[] counting(int first, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (first + i);
        }
        return bytes;
    }
}
