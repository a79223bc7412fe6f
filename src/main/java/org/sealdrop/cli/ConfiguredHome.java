package org.sealdrop.cli;

import java.nio.file.Files;
import org.sealdrop.config.HomeFolder;

/** The check that commands working on a vault run before they open, and so create, anything in the home folder. */
final class ConfiguredHome {

    private ConfiguredHome() {
    }

    /** Returns {@code home} when it has settings and a key file; otherwise fails with a usage error and writes nothing. */
    static HomeFolder require(HomeFolder home) {
        if (!Files.isRegularFile(home.settingsFile()) || !Files.isRegularFile(home.keyFile())) {
            throw new UsageException("The home folder " + home.root()
                    + " has no vault yet; run `sealdrop init` first or pass the right --home.");
        }
        return home;
    }
}
