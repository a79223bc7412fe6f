package org.sealdrop.cli;

import java.nio.file.Path;
import org.sealdrop.config.HomeFolder;

/** Entry point of {@code sealdrop} and {@code java -jar sealdrop.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        configureLogFolder(args);
        System.exit(SealDropCommand.commandLine().execute(args));
    }

    /**
     * Points Logback at the home folder's {@code logs} before the first logger is created, because
     * Logback reads its configuration once. The home folder is looked up in the arguments by hand for
     * that reason; picocli parses them properly afterwards.
     */
    static void configureLogFolder(String[] args) {
        Path home = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--home") && i + 1 < args.length) {
                home = Path.of(args[i + 1]);
            } else if (args[i].startsWith("--home=")) {
                home = Path.of(args[i].substring("--home=".length()));
            }
        }
        HomeFolder folder = home != null ? new HomeFolder(home) : HomeFolder.defaultForCurrentUser();
        if (System.getProperty("sealdrop.logDir") == null) {
            System.setProperty("sealdrop.logDir", folder.logFolder().toString());
        }
    }
}
