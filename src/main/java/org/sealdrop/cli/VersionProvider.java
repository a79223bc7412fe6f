package org.sealdrop.cli;

import org.sealdrop.app.LocalServices;
import picocli.CommandLine;

/** Prints the version from the jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"SealDrop " + LocalServices.APP_VERSION};
    }
}
