package org.sealdrop.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sealdrop.audit.DeviceSigningKey;
import org.sealdrop.testsupport.TestEnvironment;

/**
 * A home folder whose {@code device-signing-key} was restored from another computer after the receiver
 * pinned the device id's first key, so the receiver rejects its next events with {@code key_mismatch}.
 */
public final class ForeignSigningKey {

    private static final String PINNED_KEY_COPY = "pinned-device-signing-key";

    private ForeignSigningKey() {
    }

    /**
     * Closes {@code current}, puts the key the receiver pinned back into the home folder, as IT does to
     * fix a {@code key_mismatch}, and returns new services of the same home folder, unlocked.
     */
    public static LocalServices restorePinnedKey(TestEnvironment environment, LocalServices current,
            Path otherComputer) throws IOException {
        current.close();
        Files.copy(otherComputer.resolve(PINNED_KEY_COPY), environment.home().deviceSigningKeyFile(),
                StandardCopyOption.REPLACE_EXISTING);
        LocalServices restarted = LocalServices.open(environment.home(), environment.options());
        restarted.vault().unlock(TestEnvironment.PASSPHRASE.toCharArray());
        return restarted;
    }

    /**
     * Closes {@code pinned}, whose events the receiver already stored, replaces the home folder's key
     * file with one made in {@code otherComputer}, and returns new services of the same home folder,
     * unlocked. Their {@code unlock} event is the first one the receiver will reject.
     */
    public static LocalServices restartWithForeignKey(TestEnvironment environment, LocalServices pinned,
            Path otherComputer) throws IOException {
        pinned.close();
        Files.createDirectories(otherComputer);
        Files.copy(environment.home().deviceSigningKeyFile(), otherComputer.resolve(PINNED_KEY_COPY),
                StandardCopyOption.REPLACE_EXISTING);
        Path foreignKey = otherComputer.resolve("device-signing-key");
        DeviceSigningKey.loadOrCreate(foreignKey);
        Files.copy(foreignKey, environment.home().deviceSigningKeyFile(), StandardCopyOption.REPLACE_EXISTING);

        LocalServices restarted = LocalServices.open(environment.home(), environment.options());
        restarted.vault().unlock(TestEnvironment.PASSPHRASE.toCharArray());
        return restarted;
    }
}
