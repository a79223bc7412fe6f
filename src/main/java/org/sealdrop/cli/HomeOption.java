package org.sealdrop.cli;

import java.nio.file.Path;
import org.sealdrop.config.HomeFolder;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code --home DIR}, shared by every command. */
final class HomeOption {

    @Option(names = "--home", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Folder with settings, index, key file and logs (default: the per-user application data folder).")
    Path home;

    HomeFolder folder() {
        return home != null ? new HomeFolder(home) : HomeFolder.defaultForCurrentUser();
    }
}
