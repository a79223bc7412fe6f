package org.sealdrop.app;

import java.time.Duration;
import java.util.Optional;
import org.sealdrop.SealDropException;
import org.sealdrop.storage.ConnectionSettings;
import org.sealdrop.storage.ObjectStore;
import org.sealdrop.vault.KeyManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The fetch of the bucket's key file at unlock, with the credentials in effect at that moment. */
final class BucketKeyFileCheck {

    private static final Logger LOG = LoggerFactory.getLogger(BucketKeyFileCheck.class);

    /**
     * Timeouts of the key file check at unlock: short and without retries, because an unreachable
     * bucket must not hold up an unlock that the home folder's copy can do alone.
     */
    private static final ConnectionSettings KEY_FILE_CHECK = new ConnectionSettings(Duration.ofSeconds(3),
            Duration.ofSeconds(10), 1);

    private BucketKeyFileCheck() {
    }

    /** Returns the bucket's key file, or empty after logging why when it cannot be fetched. */
    static Optional<byte[]> fetch(LocalServices services) {
        StorageCredentials credentials = new StorageCredentials(services::explicitCredentials);
        try (ObjectStore quick = new ObjectStore(services.store().settings(), credentials, KEY_FILE_CHECK)) {
            return quick.getSmall(quick.key(KeyManagement.KEY_FILE_OBJECT));
        } catch (SealDropException e) {
            LOG.info("The bucket's key file could not be fetched ({}); unlocking this computer's copy", e.errorCode());
            return Optional.empty();
        } finally {
            credentials.close();
        }
    }
}
