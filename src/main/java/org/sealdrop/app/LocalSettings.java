package org.sealdrop.app;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sealdrop.SealDropException;
import org.sealdrop.config.ManagedSettings;
import org.sealdrop.config.Settings;
import org.sealdrop.vault.KeyFile;
import org.sealdrop.vault.KeyFileStore;

/** {@link SettingsAccess} over the services of one home folder. */
final class LocalSettings implements SettingsAccess {

    private final LocalServices services;

    LocalSettings(LocalServices services) {
        this.services = services;
    }

    @Override
    public Settings current() {
        return services.settings().orElseThrow(() -> new SealDropException("SD-NOT-CONFIGURED",
                "This computer has no vault yet, so it has no settings; set up the vault first."));
    }

    @Override
    public ManagedSettings managed() {
        return services.managed();
    }

    @Override
    public Path homeFolder() {
        return services.home().root();
    }

    @Override
    public Optional<UUID> vaultId() {
        return KeyFileStore.read(services.home().keyFile()).map(KeyFile::vaultId);
    }

    @Override
    public Set<String> save(Settings requested) {
        return services.updateSettings(requested);
    }
}
