package org.sealdrop.cli;

import java.nio.file.Path;
import java.util.Arrays;
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
        Path home = optionValue(args, "--home");
        HomeFolder folder = home != null ? new HomeFolder(home) : HomeFolder.defaultForCurrentUser();
        Path demoData = optionValue(args, "--data");
        if (Arrays.asList(args).contains("demo")) {
            // The demo keeps its own home folder inside its data folder (see DemoCommand).
            Path data = demoData != null ? demoData : folder.root().resolve("demo");
            folder = new HomeFolder(data.resolve("home"));
        }
        if (System.getProperty("sealdrop.logDir") == null) {
            try {
                folder.createIfMissing();
            } catch (RuntimeException e) {
                // The command reports the unusable folder itself; logging then falls back to Logback's default.
                return;
            }
            System.setProperty("sealdrop.logDir", folder.logFolder().toString());
        }
    }

    private static Path optionValue(String[] args, String option) {
        Path value = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(option) && i + 1 < args.length) {
                value = Path.of(args[i + 1]);
            } else if (args[i].startsWith(option + "=")) {
                value = Path.of(args[i].substring(option.length() + 1));
            }
        }
        return value;
    }
}
