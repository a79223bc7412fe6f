package org.sealdrop.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sealing of small secrets under a vault key version, bound to the vault id and the version. */
class CredentialSealingTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] SECRET = "AKIDEXAMPLE\nsecret".getBytes(StandardCharsets.UTF_8);

    private final SecretKeyBytes vaultKey = SecretKeyBytes.random(RANDOM);
    private final UUID vaultId = UUID.randomUUID();

    @Test
    void openReturnsSealedBytes() {
        byte[] sealed = CredentialSealing.seal(vaultKey, vaultId, 3, SECRET, RANDOM);

        assertArrayEquals(SECRET, CredentialSealing.open(vaultKey, vaultId, 3, sealed));
    }

    @Test
    void otherKeyVersionOrVaultIsRejected() {
        byte[] sealed = CredentialSealing.seal(vaultKey, vaultId, 3, SECRET, RANDOM);

        assertThrows(IntegrityException.class,
                () -> CredentialSealing.open(SecretKeyBytes.random(RANDOM), vaultId, 3, sealed), "other key");
        assertThrows(IntegrityException.class, () -> CredentialSealing.open(vaultKey, vaultId, 2, sealed), "other version");
        assertThrows(IntegrityException.class,
                () -> CredentialSealing.open(vaultKey, UUID.randomUUID(), 3, sealed), "other vault");
    }

    @Test
    void alteredOrTruncatedIsRejected() {
        byte[] sealed = CredentialSealing.seal(vaultKey, vaultId, 1, SECRET, RANDOM);
        sealed[sealed.length - 1] ^= 1;

        assertThrows(IntegrityException.class, () -> CredentialSealing.open(vaultKey, vaultId, 1, sealed), "altered");
        assertThrows(IntegrityException.class,
                () -> CredentialSealing.open(vaultKey, vaultId, 1, new byte[20]), "truncated");
    }
}
