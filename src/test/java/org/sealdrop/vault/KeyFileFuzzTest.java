package org.sealdrop.vault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.sealdrop.SealDropException;
import org.sealdrop.fuzz.ByteMutations;

/**
 * Fuzzes the key file parser and the recovery key codec. Parsing may only fail with
 * {@code SD-KEYFILE-INVALID} or {@code SD-KEYFILE-VERSION}, never accepts an Argon2id cost below the
 * floor, and an unlock with the recovery key (which runs no Argon2id, so it is cheap per input) may
 * only fail with the documented codes and succeeds only with the vault's own keys.
 *
 * <p>The vault is created once per JVM from a seeded SHA1PRNG and a fixed clock, so the same fuzzer
 * input gives the same key file bytes in every run. No fuzz input ever reaches Argon2id.
 */
class KeyFileFuzzTest {

    private static final Set<String> PARSE_CODES = Set.of("SD-KEYFILE-INVALID", "SD-KEYFILE-VERSION");
    private static final Set<String> RECOVERY_CODES =
            Set.of("SD-NO-RECOVERY-KEY", "SD-WRONG-RECOVERY-KEY", "SD-KEYFILE-TAMPERED");
    private static final VaultKeyFiles.Created VAULT = createVault();
    private static final byte[] VAULT_KEY = VAULT.keys().current().bytes().clone();
    private static final byte[][] KEY_FILES = {VAULT.keyFile().toJson(), legacyJson(VAULT.keyFile())};

    private static VaultKeyFiles.Created createVault() {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(0x5ea1d80bL);
            Clock clock = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);
            return new VaultKeyFiles(random, clock, VaultKeyFilesTest.CHEAP).create("fuzzing passphrase".toCharArray());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA1PRNG.", e);
        }
    }

    /** The same vault as a layout version 1 file: one key, Argon2id settings inside it, no MAC. */
    private static byte[] legacyJson(KeyFile file) {
        PassphraseSlot slot = file.passphrase();
        String json = "{\"format\":\"sealdrop-keyfile\",\"version\":1,\"vaultId\":\"" + file.vaultId()
                + "\",\"createdAt\":\"" + file.createdAt() + "\",\"keys\":[{\"keyVersion\":1,\"kdf\":\"argon2id\","
                + "\"memoryKiB\":" + slot.memoryKiB() + ",\"iterations\":" + slot.iterations() + ",\"parallelism\":"
                + slot.parallelism() + ",\"salt\":\"" + base64(slot.salt()) + "\",\"wrappedKey\":\""
                + base64(file.current().passphraseWrap()) + "\"}]}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String base64(byte[] bytes) {
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }

    /** Parses one of the two key files with fuzzed changes and, when it parses, unlocks it with the recovery key. */
    @FuzzTest
    void keyFile(FuzzedDataProvider data) {
        byte[] json = ByteMutations.apply(KEY_FILES[data.consumeInt(0, KEY_FILES.length - 1)], data);

        KeyFile file;
        try {
            file = KeyFile.parse(json, "the fuzz input");
        } catch (SealDropException e) {
            assertTrue(PARSE_CODES.contains(e.errorCode()), "parsing fails only as invalid or unknown version: "
                    + e.errorCode());
            return;
        }
        checkAccepted(file);

        try (VaultKeys keys = new VaultKeyFiles(new SecureRandom(), Clock.systemUTC(), VaultKeyFilesTest.CHEAP)
                .unlockWithRecoveryKey(file, VAULT.recoveryKey())) {
            assertEquals(VAULT.keyFile().vaultId(), file.vaultId(), "only the vault's own file unlocks");
            assertArrayEquals(VAULT_KEY, keys.current().bytes(), "an unlocked file yields the vault's key");
        } catch (SealDropException e) {
            assertTrue(RECOVERY_CODES.contains(e.errorCode()), "the recovery unlock fails only with a documented code: "
                    + e.errorCode());
        }
    }

    /**
     * Unlocks the vault's key file with a fuzzed recovery wrap, so the fuzzer reaches HPKE directly
     * instead of through base64 in JSON. The wrap keeps its layout (version byte, encapsulated key,
     * ciphertext), and each part is either the original or fuzzed bytes padded with zeros, unless the
     * fuzzer picks a wrap of any length. The unlock may only fail as a tampered file.
     */
    @FuzzTest
    void recoveryWrap(FuzzedDataProvider data) {
        KeyFile file = VAULT.keyFile();
        WrappedVaultKey key = file.current();
        byte[] original = key.recoveryWrap();
        byte[] wrap;
        if (data.consumeInt(0, 7) == 0) {
            wrap = data.consumeRemainingAsBytes();
        } else {
            wrap = original.clone();
            if (data.consumeBoolean()) {
                wrap[0] = data.consumeByte();
            }
            replacePart(wrap, 1, 32, data);
            replacePart(wrap, 33, RecoveryWrapping.WRAP_LENGTH - 33, data);
        }
        KeyFile altered = new KeyFile(file.format(), file.version(), file.vaultId(), file.createdAt(),
                file.passphrase(), file.recovery(),
                List.of(new WrappedVaultKey(key.keyVersion(), key.createdAt(), key.passphraseWrap(), wrap)),
                file.rewrapPending(), file.mac());

        try (VaultKeys keys = new VaultKeyFiles(new SecureRandom(), Clock.systemUTC(), VaultKeyFilesTest.CHEAP)
                .unlockWithRecoveryKey(altered, VAULT.recoveryKey())) {
            assertArrayEquals(original, wrap, "only the original wrap opens");
            assertArrayEquals(VAULT_KEY, keys.current().bytes(), "the original wrap yields the vault's key");
        } catch (SealDropException e) {
            assertEquals("SD-KEYFILE-TAMPERED", e.errorCode(), "a changed wrap is reported as tampering");
        }
    }

    /** Replaces {@code length} bytes at {@code offset} with fuzzed bytes, zero-padded, when the fuzzer chooses to. */
    private static void replacePart(byte[] wrap, int offset, int length, FuzzedDataProvider data) {
        if (data.consumeBoolean()) {
            byte[] part = Arrays.copyOf(data.consumeBytes(length), length);
            System.arraycopy(part, 0, wrap, offset, length);
        }
    }

    /** Checks what parsing promises about every file it accepts. */
    private static void checkAccepted(KeyFile file) {
        PassphraseSlot slot = file.passphrase();
        assertTrue(slot.memoryKiB() >= PassphraseSlot.MIN_MEMORY_KIB, "the Argon2id memory floor holds");
        assertTrue(slot.iterations() >= 1, "Argon2id passes are positive");
        assertTrue(slot.parallelism() >= 1, "Argon2id lanes are positive");
        assertTrue(slot.salt().length >= PassphraseSlot.MIN_SALT_LENGTH, "the salt is long enough");
        int previous = 0;
        for (WrappedVaultKey key : file.keys()) {
            assertTrue(key.keyVersion() > previous, "key versions ascend");
            previous = key.keyVersion();
        }

        // A layout version 1 file is only read; SealDrop writes version 2 when it changes one.
        if (file.version() != KeyFile.CURRENT_VERSION) {
            return;
        }
        byte[] written = file.toJson();
        assertArrayEquals(written, KeyFile.parse(written, "the rewritten fuzz input").toJson(),
                "an accepted file survives a write and a read");
    }

    /** Parses typed text as a recovery key: only {@link InvalidRecoveryKeyException}, and what parses formats back. */
    @FuzzTest
    void recoveryKeyText(FuzzedDataProvider data) {
        char[] typed = data.consumeRemainingAsString().toCharArray();
        try (RecoveryKey key = RecoveryKey.parse(typed)) {
            char[] formatted = key.format();
            try (RecoveryKey again = RecoveryKey.parse(formatted)) {
                assertArrayEquals(key.bytes(), again.bytes(), "the formatted key parses to the same bytes");
            }
        } catch (InvalidRecoveryKeyException expected) {
            // The documented failure for any malformed text.
        }
    }
}
