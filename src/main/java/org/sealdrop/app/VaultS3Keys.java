package org.sealdrop.app;

import java.util.Arrays;
import java.util.Optional;
import org.sealdrop.SealDropException;
import org.sealdrop.vault.KeyFile;
import org.sealdrop.vault.KeyFileStore;
import org.sealdrop.vault.VaultKeyFiles;
import org.sealdrop.vault.VaultKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Moves the S3 keys of {@link StoredS3Keys} in and out of use as the vault unlocks, changes key version
 * and locks. While the vault is locked the file is never read.
 */
final class VaultS3Keys {

    private static final Logger LOG = LoggerFactory.getLogger(VaultS3Keys.class);

    private final LocalServices services;

    VaultS3Keys(LocalServices services) {
        this.services = services;
    }

    /**
     * Seals the wizard's typed key pair under the current vault key version, then uses the stored keys
     * in place of the typed ones, so that a lock stops them in this process too.
     */
    void store(VaultKeys keys, SetupCredentials credentials) {
        services.storedS3Keys().store(keys, credentials.accessKeyId(), credentials.secretAccessKey());
        LOG.info("S3 keys typed in the set-up were stored encrypted under vault key version {}", keys.currentVersion());
        services.useUnlockedS3Keys(provider(credentials.accessKeyId(), credentials.secretAccessKey()));
        services.useTypedCredentials(null);
    }

    /**
     * Uses the stored keys with the newly installed {@code keys}, and seals them again under the current
     * version when the file names an older one. When {@code keys} no longer has the file's version (it was
     * retired elsewhere) but the keys are already in use from the previous unlock, those are sealed again.
     * A file that cannot be used is logged with its error code and ignored, so the unlock still succeeds
     * and S3 falls back to the desktop chain.
     */
    void useWith(VaultKeys keys) {
        StoredS3Keys stored = services.storedS3Keys();
        if (!stored.exists()) {
            return;
        }
        try (StoredS3Keys.Sealed sealed = stored.load(keys).orElseThrow()) {
            services.useUnlockedS3Keys(provider(sealed.accessKeyId(), sealed.secretAccessKey()));
            if (sealed.keyVersion() != keys.currentVersion()) {
                stored.store(keys, sealed.accessKeyId(), sealed.secretAccessKey());
                LOG.info("Stored S3 keys were sealed again under vault key version {}", keys.currentVersion());
            }
        } catch (SealDropException e) {
            AwsCredentialsProvider inUse = services.unlockedS3Keys();
            if ("SD-KEY-VERSION".equals(e.errorCode()) && inUse != null) {
                resealInUse(stored, keys, inUse.resolveCredentials());
                return;
            }
            LOG.warn("The stored S3 keys could not be used ({}); S3 uses the desktop credentials instead", e.errorCode());
        }
    }

    /**
     * Uses the stored keys for a key management command that reaches the bucket while the vault is
     * locked, decrypting them with this computer's key file and {@code passphrase}, which stays intact.
     * Does nothing when they are in use already or none are stored. A failure is logged and left to the
     * command itself, which then reports the wrong passphrase or the missing credentials.
     */
    void useBeforeKeyManagement(VaultKeyFiles keyFiles, char[] passphrase) {
        if (services.unlockedS3Keys() != null || !services.storedS3Keys().exists()) {
            return;
        }
        try {
            Optional<KeyFile> local = KeyFileStore.read(services.home().keyFile());
            if (local.isPresent()) {
                try (VaultKeys keys = keyFiles.unlock(local.get(), passphrase)) {
                    useWith(keys);
                }
            }
        } catch (SealDropException e) {
            LOG.info("The stored S3 keys were not decrypted before the key change ({})", e.errorCode());
        }
    }

    /** Stops using the stored keys; called when the vault locks. */
    void stopUsing() {
        services.useUnlockedS3Keys(null);
    }

    private void resealInUse(StoredS3Keys stored, VaultKeys keys, AwsCredentials inUse) {
        char[] secret = inUse.secretAccessKey().toCharArray();
        try {
            stored.store(keys, inUse.accessKeyId(), secret);
            LOG.info("Stored S3 keys were sealed again under vault key version {}", keys.currentVersion());
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private static AwsCredentialsProvider provider(String accessKeyId, char[] secret) {
        // NOTE: the SDK takes the secret as a String, which cannot be wiped; it stays on the heap until collected.
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, new String(secret)));
    }
}
