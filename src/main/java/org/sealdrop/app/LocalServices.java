package org.sealdrop.app;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sealdrop.SealDropException;
import org.sealdrop.audit.AuditIdentity;
import org.sealdrop.audit.AuditPolicy;
import org.sealdrop.audit.AuditPolicyGate;
import org.sealdrop.audit.AuditSender;
import org.sealdrop.audit.AuditRejections;
import org.sealdrop.audit.AuditTrail;
import org.sealdrop.audit.DeviceSigningKey;
import org.sealdrop.config.DeviceId;
import org.sealdrop.config.EndpointPolicy;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.config.ManagedSettings;
import org.sealdrop.config.Settings;
import org.sealdrop.config.SettingsChanges;
import org.sealdrop.config.SettingsFile;
import org.sealdrop.index.Database;
import org.sealdrop.index.DocumentIndex;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.storage.StorageSettings;
import org.sealdrop.transfer.OrphanUploads;
import org.sealdrop.transfer.TransferContext;
import org.sealdrop.vault.VaultKeys;
import org.sealdrop.vault.VaultLockedException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The services of one home folder, wired together: index, audit trail and sender, object store,
 * vault. The window and the command line both start here. Closing it locks the vault, stops the
 * audit sender (pending events stay in the outbox) and closes the S3 client.
 */
public final class LocalServices implements AutoCloseable {

    /** Application version recorded in audit events. */
    public static final String APP_VERSION = Optional.ofNullable(LocalServices.class.getPackage().getImplementationVersion())
            .orElse("dev");

    private final HomeFolder home;
    private final ServiceOptions options;
    private final ManagedSettings managed;
    private final Database database;
    private final DocumentIndex index;
    private final AuditTrail auditTrail;
    private final String user;
    private final LocalVault vault;
    private final LocalDocuments documents;

    private Settings settings;
    private ObjectStore store;
    private AuditSender sender;
    // Volatile, not guarded by this object's lock: the vault sets them while holding its own lock, and
    // S3 requests on any thread read them through StorageCredentials.
    private volatile AwsCredentialsProvider typedCredentials;
    private volatile AwsCredentialsProvider unlockedS3Keys;
    private StorageCredentials storageCredentials;

    private LocalServices(HomeFolder home, ServiceOptions options) {
        // First, so that an invalid managed settings file stops the start before anything is created.
        this.managed = ManagedSettings.load();
        this.home = home.createIfMissing();
        this.options = options;
        System.setProperty("org.sqlite.tmpdir", home.nativeLibraryFolder().toString());
        this.database = Database.open(home.indexFile());
        this.index = new DocumentIndex(database);
        this.user = System.getProperty("user.name", "unknown");
        String deviceId = DeviceId.loadOrCreate(home.deviceIdFile());
        DeviceSigningKey signingKey = DeviceSigningKey.loadOrCreate(home.deviceSigningKeyFile());
        this.auditTrail = new AuditTrail(database, new AuditIdentity(user, deviceId, APP_VERSION), signingKey,
                options.clock());
        auditTrail.signUnsignedEvents();
        this.vault = new LocalVault(this);
        this.documents = new LocalDocuments(this);
        SettingsFile.read(home.settingsFile()).map(managed::applyTo).ifPresent(this::connect);
    }

    /**
     * Opens the services of {@code home}, creating the folder and its index on first use.
     *
     * @throws SealDropException with code {@code SD-MANAGED-SETTINGS} when the managed settings file is
     *     unreadable or invalid (see {@link ManagedSettings#load()})
     */
    public static LocalServices open(HomeFolder home, ServiceOptions options) {
        return new LocalServices(home, options);
    }

    public VaultAccess vault() {
        return vault;
    }

    public DocumentService documents() {
        return documents;
    }

    public HomeFolder home() {
        return home;
    }

    /** Returns the settings in effect: the home folder's {@code settings.json} with the managed values applied. */
    public synchronized Optional<Settings> settings() {
        return Optional.ofNullable(settings);
    }

    /** Returns the settings that IT fixes for this computer, read when these services opened. */
    public ManagedSettings managed() {
        return managed;
    }

    public AuditTrail auditTrail() {
        return auditTrail;
    }

    /** Sends pending audit events now; returns {@code true} when none remain. */
    public boolean flushAudit(Duration timeout) {
        AuditSender current = currentSender();
        return current != null ? current.flush(timeout) : auditTrail.pendingCount() == 0;
    }

    /**
     * Saves {@code newSettings} and reconnects to them; used by the demo, whose local ports change each run.
     *
     * @throws SealDropException with code {@code SD-SETTING-MANAGED} when it changes a managed setting
     */
    public synchronized void reconfigure(Settings newSettings) {
        requireUnmanaged(newSettings);
        connect(managed.applyTo(newSettings));
        SettingsFile.write(home.settingsFile(), newSettings);
    }

    /**
     * Saves {@code requested} to {@code settings.json} and takes over at once the settings that
     * {@link SettingsChanges#APPLIED_AT_ONCE} lists; the others apply at the next start. Returns the
     * names of the settings that changed.
     *
     * @throws SealDropException with code {@code SD-SETTING-MANAGED} when it changes a managed setting,
     *     or {@code SD-NOT-CONFIGURED} before the vault was set up
     */
    public synchronized Set<String> updateSettings(Settings requested) {
        Settings current = settings().orElseThrow(() -> new SealDropException("SD-NOT-CONFIGURED",
                "This computer has no vault yet, so there are no settings to change; set up the vault first."));
        Set<String> changed = SettingsChanges.changedKeys(current, requested);
        managed.requireUnchanged(requested, changed);
        SettingsFile.write(home.settingsFile(), requested);
        settings = managed.applyTo(SettingsChanges.withValuesOf(current, requested, SettingsChanges.APPLIED_AT_ONCE));
        return changed;
    }

    /**
     * Rejects an action that the settings turn off, such as export when {@code exportAllowed} is false.
     *
     * @throws SealDropException with the permission's error code
     */
    public void requirePermitted(Permission permission) {
        Optional<Settings> current = settings();
        if (current.isPresent() && !permission.isAllowed(current.get())) {
            throw permission.rejection(managed);
        }
    }

    private void requireUnmanaged(Settings newSettings) {
        Settings current = settings;
        managed.requireUnchanged(newSettings, current != null ? SettingsChanges.changedKeys(current, newSettings)
                : managed.keys());
    }

    /**
     * Points the services at the vault of {@code newSettings}: a new S3 client and audit sender. Called
     * at start when settings exist and after the first-run set-up.
     */
    synchronized void connect(Settings newSettings) {
        EndpointPolicy.requireSecure(newSettings.auditUrl(), "audit URL");
        StorageSettings storage = StorageSettings.from(newSettings);
        closeConnections();
        this.storageCredentials = new StorageCredentials(this::explicitCredentials);
        this.store = new ObjectStore(storage, storageCredentials, options.connection());
        char[] token = options.auditToken() != null ? options.auditToken().clone()
                : newSettings.auditTokenFile() != null ? AuditTokens.read(newSettings.auditTokenFile()) : null;
        try {
            this.sender = new AuditSender(database, newSettings.auditUrl(), token, Duration.ofMinutes(5),
                    newSettings.auditTrustStore());
        } finally {
            if (token != null) {
                Arrays.fill(token, '\0');
            }
        }
        this.sender.start();
        this.settings = newSettings;
    }

    /**
     * Uses S3 keys typed in the first-run wizard, instead of the options' or the desktop chain's, for
     * the rest of this process, from the next S3 request on. This writes nothing. The set-up stores them
     * sealed through {@link VaultS3Keys}.
     */
    void useTypedCredentials(AwsCredentialsProvider typed) {
        this.typedCredentials = typed;
    }

    /**
     * Uses S3 keys decrypted from {@link StoredS3Keys} while the vault is unlocked. {@code null} stops
     * using them, as a lock does. Applies to the next request of the current client.
     */
    void useUnlockedS3Keys(AwsCredentialsProvider unlocked) {
        this.unlockedS3Keys = unlocked;
    }

    /**
     * Returns the typed S3 keys, else the stored keys while the vault is unlocked, else the options'
     * credentials, else {@code null} for the desktop chain.
     */
    AwsCredentialsProvider explicitCredentials() {
        if (typedCredentials != null) {
            return typedCredentials;
        }
        return unlockedS3Keys != null ? unlockedS3Keys : options.credentials();
    }

    /**
     * Deletes the S3 keys that the first-run wizard stored in {@code home}, sealed under the vault key.
     * The next unlock then takes S3 credentials from the desktop chain. Returns whether a file existed.
     *
     * @throws SealDropException {@code SD-S3-KEYS-WRITE} when the file exists but cannot be deleted
     */
    public static boolean forgetStoredS3Keys(HomeFolder home) {
        return new StoredS3Keys(home, null).delete();
    }

    /** Returns the stored S3 keys in use while the vault is unlocked, or {@code null}. */
    AwsCredentialsProvider unlockedS3Keys() {
        return unlockedS3Keys;
    }

    /** Returns the file of S3 keys typed in the wizard, sealed under the vault key. */
    StoredS3Keys storedS3Keys() {
        return new StoredS3Keys(home, options.random());
    }

    synchronized ObjectStore store() {
        if (store == null) {
            throw new SealDropException("SD-NOT-CONFIGURED",
                    "This computer has no vault yet; run `sealdrop init` or open the window to create or join one.");
        }
        return store;
    }

    synchronized AuditSender currentSender() {
        return sender;
    }

    /**
     * Aborts the vault's multipart uploads that no upload session of this computer resumes and that
     * were initiated at least {@code olderThan} ago, and returns every multipart upload found. Needs no
     * unlocked vault, because it reads no keys.
     *
     * @throws SealDropException {@code SD-NOT-CONFIGURED} without a vault, or the code of a failed listing
     */
    public List<OrphanUploads.Finding> abortOrphanUploads(Duration olderThan) {
        return new OrphanUploads(transferContext()).clean(olderThan);
    }

    /** Builds the transfer services with the current vault keys; fails when the vault is locked. */
    TransferContext transferContext() {
        return new TransferContext(database, index, store(), auditTrail, this::unlockedKeys, options.random(),
                options.clock(), user, auditGate());
    }

    /** Returns the gate of the audit policy in the current settings, with the current sender. */
    synchronized AuditPolicyGate auditGate() {
        return new AuditPolicyGate(auditPolicy(settings), database, sender, options.clock());
    }

    /** Returns the audit policy that {@code current} sets; the default queued policy when it is null. */
    static AuditPolicy auditPolicy(Settings current) {
        Settings source = current != null ? current : Settings.of(null, null, null, null, null, null);
        AuditPolicy.Mode mode = source.auditPolicy().equals(Settings.AUDIT_POLICY_STRICT)
                ? AuditPolicy.Mode.STRICT : AuditPolicy.Mode.QUEUED;
        return new AuditPolicy(mode, source.auditMaxPendingEvents(), Duration.ofHours(source.auditMaxPendingHours()),
                Duration.ofSeconds(source.auditStrictWaitSeconds()));
    }

    VaultKeys unlockedKeys() {
        VaultKeys keys = vault.keys();
        if (keys == null || keys.isClosed()) {
            throw new VaultLockedException();
        }
        return keys;
    }

    ServiceOptions options() {
        return options;
    }

    /**
     * Clears the audit receiver's rejections of this computer's events, which lifts the block on opening
     * (see AUDIT.md, "Rejected events"), and records a {@code clear_rejections} event in the same
     * transaction. Returns how many rejections were cleared.
     */
    public int clearAuditRejections() {
        int cleared = AuditRejections.clear(database, options.clock().instant(), auditTrail);
        wakeAuditSender();
        return cleared;
    }

    void wakeAuditSender() {
        AuditSender current = currentSender();
        if (current != null) {
            current.wakeUp();
        }
    }

    @Override
    public synchronized void close() {
        vault.lockQuietly();
        closeConnections();
    }

    private void closeConnections() {
        if (sender != null) {
            sender.close();
            sender = null;
        }
        if (store != null) {
            store.close();
            store = null;
        }
        if (storageCredentials != null) {
            storageCredentials.close();
            storageCredentials = null;
        }
    }
}
