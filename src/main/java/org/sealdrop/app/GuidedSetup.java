package org.sealdrop.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.time.Duration;
import java.util.Arrays;
import org.sealdrop.SealDropException;
import org.sealdrop.config.EndpointPolicy;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.storage.ConnectionSettings;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.storage.StorageSettings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The steps of the first-run wizard that need the network or the home folder: testing the storage
 * and the audit receiver before anything is saved, and setting up with typed secrets.
 *
 * <p>Typed S3 keys are used by this process at once; after the set-up, {@link VaultS3Keys} stores them
 * sealed under the vault key in {@value StoredS3Keys#FILE_NAME}, never in clear and never in
 * {@code settings.json}, and each later unlock uses them ahead of the desktop credential chain (see
 * {@link DesktopCredentials}). A typed audit token is written to {@code audit.token} in the home
 * folder, readable by its owner only, because the audit sender reads its token from a file.
 */
final class GuidedSetup {

    /** File name of a typed audit token in the home folder. */
    static final String AUDIT_TOKEN_FILE = "audit.token";

    // One attempt with short timeouts: the user waits for the result, and a retry would only delay it.
    private static final ConnectionSettings TEST_CONNECTION = new ConnectionSettings(Duration.ofSeconds(5),
            Duration.ofSeconds(15), 1);

    private final LocalServices services;

    GuidedSetup(LocalServices services) {
        this.services = services;
    }

    /** See {@link VaultAccess#testStorage}. */
    void testStorage(VaultSetup setup, SetupCredentials credentials) {
        EndpointPolicy.requireSecure(setup.endpoint(), "S3 endpoint");
        StorageSettings storage = StorageSettings.defaults(setup.endpoint(), setup.region(), setup.bucket(),
                setup.prefix());
        AwsCredentialsProvider provider = credentials.hasStorageKeys() ? typedProvider(credentials)
                : services.explicitCredentials();
        AwsCredentialsProvider chain = provider == null ? DesktopCredentials.chain() : null;
        try (ObjectStore store = new ObjectStore(storage, chain != null ? chain : provider, TEST_CONNECTION)) {
            store.verifyBucket();
        } finally {
            if (chain instanceof SdkAutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    /** See {@link VaultAccess#testAuditReceiver}. */
    void testAuditReceiver(VaultSetup setup, SetupCredentials credentials) {
        char[] token = credentials.hasAuditToken() ? credentials.auditToken().clone()
                : setup.auditTokenFile() != null ? AuditTokens.read(setup.auditTokenFile()) : null;
        try {
            AuditReceiverCheck.check(setup.auditUrl(), token);
        } finally {
            if (token != null) {
                Arrays.fill(token, '\0');
            }
        }
    }

    /**
     * Stores a typed audit token and uses typed S3 keys, then returns the set-up that names the token
     * file. Call before {@link LocalVault#setUpVault(VaultSetup, char[], boolean)}.
     */
    VaultSetup prepare(VaultSetup setup, SetupCredentials credentials) {
        if (credentials.hasStorageKeys()) {
            services.useTypedCredentials(typedProvider(credentials));
        }
        if (!credentials.hasAuditToken()) {
            return setup;
        }
        Path tokenFile = storeToken(services.home(), credentials.auditToken());
        return new VaultSetup(setup.endpoint(), setup.region(), setup.bucket(), setup.prefix(), setup.auditUrl(),
                tokenFile);
    }

    private static AwsCredentialsProvider typedProvider(SetupCredentials credentials) {
        // NOTE: the SDK takes the secret as a String, which cannot be wiped; it lives as long as the provider.
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(credentials.accessKeyId(),
                new String(credentials.secretAccessKey())));
    }

    /** Writes the token to an owner-only file next to the settings, through a temporary file. */
    private static Path storeToken(HomeFolder home, char[] token) {
        Path target = home.root().resolve(AUDIT_TOKEN_FILE);
        Path temporary = home.root().resolve(AUDIT_TOKEN_FILE + ".tmp");
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(token));
        byte[] bytes = new byte[encoded.remaining() + 1];
        encoded.get(bytes, 0, bytes.length - 1);
        bytes[bytes.length - 1] = '\n';
        try {
            Files.deleteIfExists(temporary);
            Files.createFile(temporary);
            HomeFolder.restrictToOwner(temporary);
            Files.write(temporary, bytes, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new SealDropException("SD-AUDIT-TOKEN", "The audit token could not be saved in " + target
                    + "; check that the home folder is writable.", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
        }
    }
}
