package org.sealdrop.app;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sealdrop.config.ManagedSettings;
import org.sealdrop.config.Settings;

/** The settings of one home folder as the Settings screen reads and saves them. */
public interface SettingsAccess {

    /**
     * Returns the settings in effect, with the managed values applied.
     *
     * @throws org.sealdrop.SealDropException with code {@code SD-NOT-CONFIGURED} before the vault was set up
     */
    Settings current();

    /** Returns the settings that IT fixes, and the file they come from. */
    ManagedSettings managed();

    /** Returns the home folder, shown read-only on the Settings screen. */
    Path homeFolder();

    /** Returns the random id of the vault from the home folder's key file, or empty when that file is missing. */
    Optional<UUID> vaultId();

    /**
     * Saves {@code requested} to {@code settings.json}; the settings in
     * {@link org.sealdrop.config.SettingsChanges#APPLIED_AT_ONCE} apply at once, the others at the
     * next start. Returns the names of the settings that changed.
     *
     * @throws org.sealdrop.SealDropException with code {@code SD-SETTING-MANAGED} when it changes a
     *     managed setting, or {@code SD-SETTINGS-WRITE} when the file cannot be written
     */
    Set<String> save(Settings requested);
}
