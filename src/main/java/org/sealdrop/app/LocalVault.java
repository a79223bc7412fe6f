package org.sealdrop.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.sealdrop.SealDropException;
import org.sealdrop.audit.AuditAction;
import org.sealdrop.audit.Outcome;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.config.Settings;
import org.sealdrop.config.SettingsFile;
import org.sealdrop.crypto.CryptoWarmUp;
import org.sealdrop.index.DocumentRecord;
import org.sealdrop.transfer.TransferContext;
import org.sealdrop.vault.KeyFile;
import org.sealdrop.vault.KeyFileStore;
import org.sealdrop.vault.KeyFileUpdates;
import org.sealdrop.vault.KeyManagement;
import org.sealdrop.vault.KeyRotation;
import org.sealdrop.vault.RecoveryKey;
import org.sealdrop.vault.RotationIncompleteException;
import org.sealdrop.vault.RotationReport;
import org.sealdrop.vault.VaultKeyFiles;
import org.sealdrop.vault.VaultKeys;
import org.sealdrop.vault.WrongPassphraseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vault of one home folder. The key file lives in the home folder and at
 * {@code {prefix}vault/keyfile.json} in the bucket; settings are written only after a set-up
 * succeeded, so a wrong passphrase or an unreachable bucket leaves no half-configured home.
 */
final class LocalVault implements VaultAccess {

    private static final Logger LOG = LoggerFactory.getLogger(LocalVault.class);

    /** Notice from the last unlock for the user, or {@code null}; see {@link #unlockNotice()}. */
    private volatile String unlockNotice;

    /** Settings that a set-up gives; the managed settings file may fix any of them. */
    private static final List<String> SET_UP_KEYS = List.of("endpoint", "region", "bucket", "prefix", "auditUrl");

    private final LocalServices services;
    private final VaultKeyFiles keyFiles;
    private final VaultS3Keys s3Keys;
    private VaultKeys keys;

    LocalVault(LocalServices services) {
        this.services = services;
        ServiceOptions options = services.options();
        this.keyFiles = new VaultKeyFiles(options.random(), options.clock(), options.argon2());
        this.s3Keys = new VaultS3Keys(services);
    }

    @Override
    public VaultState state() {
        if (!Files.exists(services.home().settingsFile()) || !Files.exists(services.home().keyFile())) {
            return VaultState.NOT_CONFIGURED;
        }
        VaultKeys current = keys();
        return current == null || current.isClosed() ? VaultState.LOCKED : VaultState.UNLOCKED;
    }

    @Override
    public boolean setUp(VaultSetup setup, char[] passphrase, boolean mayCreate) {
        try (SetUpResult result = setUpVault(setup, passphrase, mayCreate)) {
            return result.created();
        }
    }

    @Override
    public SetUpResult setUpVault(VaultSetup setup, SetupCredentials credentials, char[] passphrase,
            boolean mayCreate) {
        SetUpResult result = setUpVault(new GuidedSetup(services).prepare(setup, credentials), passphrase, mayCreate);
        if (credentials.hasStorageKeys()) {
            try {
                s3Keys.store(keys(), credentials);
            } catch (SealDropException e) {
                // The vault exists now and its recovery key must reach the user, so the set-up still succeeds.
                LOG.warn("The typed S3 keys could not be stored ({}); the next start needs them again", e.errorCode());
            }
        }
        return result;
    }

    @Override
    public void testStorage(VaultSetup setup, SetupCredentials credentials) {
        new GuidedSetup(services).testStorage(setup, credentials);
    }

    @Override
    public void testAuditReceiver(VaultSetup setup, SetupCredentials credentials) {
        new GuidedSetup(services).testAuditReceiver(setup, credentials);
    }

    @Override
    public SetUpResult setUpVault(VaultSetup setup, char[] passphrase, boolean mayCreate) {
        try {
            Settings requested = Settings.of(setup.endpoint(), setup.region(), setup.bucket(), setup.prefix(),
                    setup.auditUrl(), setup.auditTokenFile());
            services.managed().requireUnchanged(requested, SET_UP_KEYS);
            Settings settings = services.managed().applyTo(requested);
            services.connect(settings);
            String objectKey = services.store().key(KeyManagement.KEY_FILE_OBJECT);
            Optional<byte[]> existing = services.store().getSmall(objectKey);
            KeyFile keyFile;
            char[] recoveryKey = null;
            if (existing.isPresent()) {
                keyFile = KeyFile.parse(existing.get(), "the bucket " + settings.bucket());
                replaceKeys(unlockAudited(keyFile, passphrase));
            } else if (!mayCreate) {
                throw new SealDropException("SD-NO-VAULT", "The bucket " + settings.bucket() + " has no vault under the prefix '"
                        + settings.prefix() + "'; check the bucket and prefix, or choose to create a new vault.");
            } else {
                VaultKeyFiles.Created fresh = keyFiles.create(passphrase);
                try (RecoveryKey recovery = fresh.recoveryKey()) {
                    keyFile = fresh.keyFile();
                    services.store().putSmall(objectKey, keyFile.toJson(), Map.of());
                    recoveryKey = recovery.format();
                } catch (RuntimeException e) {
                    fresh.keys().close();
                    throw e;
                }
                replaceKeys(fresh.keys());
                services.auditTrail().record(AuditAction.UNLOCK, null, Outcome.SUCCESS, "vault created");
            }
            try {
                KeyFileStore.write(services.home().keyFile(), keyFile.toJson());
                SettingsFile.write(services.home().settingsFile(), settings);
            } catch (RuntimeException e) {
                // NOTE: the vault now exists in the bucket, but its recovery key is lost with this failure.
                // Joining it again and running `sealdrop vault new-recovery-key` gives it a new one.
                if (recoveryKey != null) {
                    Arrays.fill(recoveryKey, '\0');
                }
                throw e;
            }
            LOG.info("Vault {} {} for this home folder", keyFile.vaultId(), recoveryKey != null ? "created" : "joined");
            services.wakeAuditSender();
            return new SetUpResult(recoveryKey != null, recoveryKey);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /**
     * Unlocks with the newest key file. That is the bucket's copy when the bucket is reachable, the copy
     * is newer than this computer's and the passphrase opens it. Otherwise it is the home folder's copy.
     * So a rotation, retirement or passphrase change made on another computer reaches this one at its
     * next unlock.
     */
    @Override
    public void unlock(char[] passphrase) {
        try {
            Path file = services.home().keyFile();
            KeyFile local = KeyFileStore.read(file).orElseThrow(() -> new SealDropException("SD-KEYFILE-MISSING",
                    "The vault key file " + file + " is missing; run `sealdrop init` again to fetch it from the bucket."));
            if (services.storedS3Keys().exists()) {
                // The bucket is reachable only with the stored S3 keys, which only the vault key decrypts.
                // So unlock this computer's copy first, then look for a newer key file in the bucket.
                replaceKeys(unlockAudited(local, passphrase));
                unlockNewerFromBucket(local, passphrase).ifPresent(this::replaceKeys);
                services.wakeAuditSender();
                return;
            }
            Optional<VaultKeys> refreshed = unlockNewerFromBucket(local, passphrase);
            if (refreshed.isPresent()) {
                services.auditTrail().record(AuditAction.UNLOCK, null, Outcome.SUCCESS, null);
                replaceKeys(refreshed.get());
            } else {
                replaceKeys(unlockAudited(local, passphrase));
            }
            services.wakeAuditSender();
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    @Override
    public void lock(LockReason reason) {
        Objects.requireNonNull(reason, "reason");
        if (lockQuietly()) {
            services.auditTrail().record(AuditAction.LOCK, null, Outcome.SUCCESS, reason.auditReason());
            services.wakeAuditSender();
        }
    }

    @Override
    public Duration autoLockAfter() {
        return services.settings().map(settings -> Duration.ofMinutes(settings.autoLockMinutes()))
                .orElse(DEFAULT_AUTO_LOCK);
    }

    @Override
    public Optional<SettingsAccess> settingsAccess() {
        return Optional.of(new LocalSettings(services));
    }

    @Override
    public Optional<String> unlockNotice() {
        return Optional.ofNullable(unlockNotice);
    }

    @Override
    public String describe() {
        return services.settings()
                .map(s -> s.bucket() + "/" + s.prefix() + " at " + s.endpoint())
                .orElse("no vault");
    }

    @Override
    public RotationReport rotate(char[] passphrase, KeyRotation.Progress progress) {
        s3Keys.useBeforeKeyManagement(keyFiles, passphrase);
        return audited(AuditAction.ROTATE, passphrase, null, () -> {
            KeyManagement.Rotated rotated = keyManagement().rotate(passphrase, progress);
            replaceKeys(rotated.keys());
            RotationReport report = rotated.report();
            if (!report.failures().isEmpty()) {
                throw new RotationIncompleteException(report);
            }
            return report;
        });
    }

    @Override
    public RotationReport retireKeyVersion(char[] passphrase, int version, KeyRotation.Progress progress) {
        s3Keys.useBeforeKeyManagement(keyFiles, passphrase);
        return audited(AuditAction.RETIRE_KEY, passphrase, null, () -> {
            KeyManagement.Rotated retired = keyManagement().retire(passphrase, version, progress);
            replaceKeys(retired.keys());
            return retired.report();
        });
    }

    @Override
    public void changePassphrase(char[] currentPassphrase, char[] newPassphrase) {
        s3Keys.useBeforeKeyManagement(keyFiles, currentPassphrase);
        audited(AuditAction.CHANGE_PASSPHRASE, currentPassphrase, newPassphrase, () -> {
            replaceKeys(keyManagement().changePassphrase(currentPassphrase, newPassphrase));
            return null;
        });
    }

    @Override
    public void recover(char[] recoveryKey, char[] newPassphrase) {
        // NOTE: the recovery key cannot decrypt stored S3 keys, so a locked vault recovers only with the SDK chain.
        audited(AuditAction.RECOVER, recoveryKey, newPassphrase, () -> {
            try (RecoveryKey parsed = RecoveryKey.parse(recoveryKey)) {
                replaceKeys(keyManagement().recover(parsed, newPassphrase));
            }
            return null;
        });
    }

    @Override
    public char[] replaceRecoveryKey(char[] passphrase) {
        s3Keys.useBeforeKeyManagement(keyFiles, passphrase);
        return audited(AuditAction.REPLACE_RECOVERY_KEY, passphrase, null, () -> {
            try (RecoveryKey replaced = keyManagement().replaceRecoveryKey(passphrase)) {
                return replaced.format();
            }
        });
    }

    synchronized VaultKeys keys() {
        return keys;
    }

    /**
     * Wipes the keys; returns whether the vault was unlocked. Synchronized so that of two locks at
     * once, such as the idle timer and the Lock button, only one reports the vault as unlocked.
     */
    synchronized boolean lockQuietly() {
        VaultKeys previous = keys;
        keys = null;
        s3Keys.stopUsing();
        if (previous != null && !previous.isClosed()) {
            previous.close();
            return true;
        }
        return false;
    }

    private KeyManagement keyManagement() {
        return new KeyManagement(services.store(), services.home().keyFile(), keyFiles, keyRotation());
    }

    private KeyRotation keyRotation() {
        TransferContext context = services.transferContext();
        return new KeyRotation(context.store(), context.database(), context.index(), context.random(), context.clock());
    }

    /**
     * Unlocks the bucket's key file when it is a successor of {@code local}, stores it in the home
     * folder and brings index rows that name a version it no longer has up to date. Returns empty,
     * after logging why, when the bucket is unreachable or contains the same file, an older or foreign
     * one, or one that this passphrase does not open (changed on another computer).
     */
    private Optional<VaultKeys> unlockNewerFromBucket(KeyFile local, char[] passphrase) {
        unlockNotice = null;
        Optional<byte[]> json = BucketKeyFileCheck.fetch(services);
        if (json.isEmpty()) {
            return Optional.empty();
        }
        VaultKeys unlocked = null;
        try {
            KeyFile bucket = KeyFile.parse(json.get(), "the bucket");
            if (!KeyFileUpdates.isSuccessor(local, bucket)) {
                if (!local.vaultId().equals(bucket.vaultId()) || bucket.current().keyVersion() < local.current().keyVersion()) {
                    LOG.warn("The bucket's key file belongs to another vault or is older than this computer's; it was ignored");
                }
                return Optional.empty();
            }
            unlocked = keyFiles.unlock(bucket, passphrase);
            KeyFileStore.write(services.home().keyFile(), json.get());
            LOG.info("This computer's key file was replaced by the newer one of vault {} in the bucket (key version {})",
                    bucket.vaultId(), bucket.current().keyVersion());
            List<DocumentRecord> behind = services.transferContext().index().list().stream()
                    .filter(row -> !bucket.hasVersion(row.vaultKeyVersion()))
                    .toList();
            if (!behind.isEmpty()) {
                int updated = keyRotation().syncRows(behind, unlocked);
                LOG.info("{} of {} index rows that named a retired key version were updated", updated, behind.size());
            }
            return Optional.of(unlocked);
        } catch (WrongPassphraseException e) {
            LOG.warn("The bucket's key file does not open with this passphrase, which may have been changed on another"
                    + " computer; unlocking this computer's copy");
            unlockNotice = "The vault's key file in the bucket does not open with this passphrase, so it was probably"
                    + " changed on another computer; this computer still uses its own copy until you unlock with the new"
                    + " passphrase.";
            return Optional.empty();
        } catch (SealDropException e) {
            LOG.warn("The bucket's key file could not be used ({}); unlocking this computer's copy", e.errorCode());
            if (unlocked != null) {
                unlocked.close();
            }
            return Optional.empty();
        }
    }

    /**
     * Runs a key management step, records its audit event with the outcome (the error code on failure)
     * and wipes the secrets it was given.
     */
    private <T> T audited(AuditAction action, char[] secret, char[] newSecret, Supplier<T> step) {
        try {
            T result = step.get();
            services.auditTrail().record(action, null, Outcome.SUCCESS, null);
            return result;
        } catch (SealDropException e) {
            services.auditTrail().record(action, null, Outcome.FAILURE, e.errorCode());
            throw e;
        } finally {
            Arrays.fill(secret, '\0');
            if (newSecret != null) {
                Arrays.fill(newSecret, '\0');
            }
            services.wakeAuditSender();
        }
    }

    private VaultKeys unlockAudited(KeyFile keyFile, char[] passphrase) {
        try {
            VaultKeys unlocked = keyFiles.unlock(keyFile, passphrase);
            services.auditTrail().record(AuditAction.UNLOCK, null, Outcome.SUCCESS, null);
            return unlocked;
        } catch (WrongPassphraseException e) {
            services.auditTrail().record(AuditAction.UNLOCK_FAILED, null, Outcome.FAILURE, e.errorCode());
            services.wakeAuditSender();
            throw e;
        } catch (SealDropException e) {
            // A key file whose MAC or later versions do not verify is a failed unlock an investigator must see.
            if ("SD-KEYFILE-TAMPERED".equals(e.errorCode())) {
                services.auditTrail().record(AuditAction.UNLOCK_FAILED, null, Outcome.FAILURE, e.errorCode());
                services.wakeAuditSender();
            }
            throw e;
        }
    }

    /** Installs {@code unlocked} as the vault's keys and wipes the previous ones, one caller at a time. */
    private synchronized void replaceKeys(VaultKeys unlocked) {
        VaultKeys previous = keys;
        keys = unlocked;
        if (previous != null && previous != unlocked) {
            previous.close();
        }
        s3Keys.useWith(unlocked);
        // Compiles AES-GCM and SHA-256 in the background now, so the first upload does not run them as bytecode.
        CryptoWarmUp.startInBackground();
    }
}
