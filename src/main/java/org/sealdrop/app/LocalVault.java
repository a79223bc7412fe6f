package org.sealdrop.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sealdrop.SealDropException;
import org.sealdrop.audit.AuditAction;
import org.sealdrop.audit.Outcome;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.config.Settings;
import org.sealdrop.config.SettingsFile;
import org.sealdrop.vault.KeyFile;
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

    /** Key of the vault key file relative to the vault prefix. */
    static final String KEY_FILE_OBJECT = "vault/keyfile.json";

    private static final Logger LOG = LoggerFactory.getLogger(LocalVault.class);

    private final LocalServices services;
    private final VaultKeyFiles keyFiles;
    private volatile VaultKeys keys;

    LocalVault(LocalServices services) {
        this.services = services;
        ServiceOptions options = services.options();
        this.keyFiles = new VaultKeyFiles(options.random(), options.clock(), options.argon2());
    }

    @Override
    public VaultState state() {
        if (!Files.exists(services.home().settingsFile()) || !Files.exists(services.home().keyFile())) {
            return VaultState.NOT_CONFIGURED;
        }
        VaultKeys current = keys;
        return current == null || current.isClosed() ? VaultState.LOCKED : VaultState.UNLOCKED;
    }

    @Override
    public boolean setUp(VaultSetup setup, char[] passphrase, boolean mayCreate) {
        try {
            Settings settings = Settings.of(setup.endpoint(), setup.region(), setup.bucket(), setup.prefix(),
                    setup.auditUrl(), setup.auditTokenFile());
            services.connect(settings);
            String objectKey = services.store().key(KEY_FILE_OBJECT);
            Optional<byte[]> existing = services.store().getSmall(objectKey);
            boolean created;
            KeyFile keyFile;
            if (existing.isPresent()) {
                keyFile = KeyFile.parse(existing.get(), "the bucket " + settings.bucket());
                replaceKeys(unlockAudited(keyFile, passphrase));
                created = false;
            } else if (!mayCreate) {
                throw new SealDropException("SD-NO-VAULT", "The bucket " + settings.bucket() + " has no vault under the prefix '"
                        + settings.prefix() + "'; check the bucket and prefix, or choose to create a new vault.");
            } else {
                VaultKeyFiles.Created fresh = keyFiles.create(passphrase);
                keyFile = fresh.keyFile();
                services.store().putSmall(objectKey, keyFile.toJson(), Map.of());
                replaceKeys(fresh.keys());
                services.auditTrail().record(AuditAction.UNLOCK, null, Outcome.SUCCESS, "vault created");
                created = true;
            }
            writeAtomically(services.home().keyFile(), keyFile.toJson());
            SettingsFile.write(services.home().settingsFile(), settings);
            LOG.info("Vault {} {} for this home folder", keyFile.vaultId(), created ? "created" : "joined");
            services.wakeAuditSender();
            return created;
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    @Override
    public void unlock(char[] passphrase) {
        try {
            Path file = services.home().keyFile();
            byte[] json;
            try {
                json = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new SealDropException("SD-KEYFILE-MISSING", "The vault key file " + file
                        + " could not be read; run `sealdrop init` again to fetch it from the bucket.");
            }
            replaceKeys(unlockAudited(KeyFile.parse(json, file.toString()), passphrase));
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
    public String describe() {
        return services.settings()
                .map(s -> s.bucket() + "/" + s.prefix() + " at " + s.endpoint())
                .orElse("no vault");
    }

    VaultKeys keys() {
        return keys;
    }

    /**
     * Wipes the keys; returns whether the vault was unlocked. Synchronized so that of two locks at
     * once, such as the idle timer and the Lock button, only one reports the vault as unlocked.
     */
    synchronized boolean lockQuietly() {
        VaultKeys previous = keys;
        keys = null;
        if (previous != null && !previous.isClosed()) {
            previous.close();
            return true;
        }
        return false;
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
        }
    }

    private synchronized void replaceKeys(VaultKeys unlocked) {
        lockQuietly();
        keys = unlocked;
    }

    private static void writeAtomically(Path file, byte[] content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temporary, content);
            HomeFolder.restrictToOwner(temporary);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SealDropException("SD-KEYFILE-WRITE", "The vault key file " + file
                    + " could not be written; check that the home folder is writable.");
        }
    }
}
