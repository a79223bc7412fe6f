package org.sealdrop.cli;

import java.nio.file.Path;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
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
        if (System.getProperty("sealdrop.logDir") != null) {
            return;
        }
        Path home = optionValue(args, "--home");
        HomeFolder folder = home != null ? new HomeFolder(home) : HomeFolder.defaultForCurrentUser();
        String command = subcommand(args);
        if (command.equals("demo")) {
            // The demo keeps its own home folder inside its data folder (see DemoCommand).
            Path demoData = optionValue(args, "--data");
            Path data = demoData != null ? demoData : folder.root().resolve("demo");
            if (demoData == null) {
                // The default demo folder sits inside the user's home folder, which must not appear world-readable.
                DemoCommand.createPrivateFolder(folder.root());
            }
            DemoCommand.createPrivateFolder(data.toAbsolutePath());
            folder = new HomeFolder(data.resolve("home"));
        }
        // A first argument that names an existing file is a file for the window, not a command.
        boolean createsHome = command.isEmpty() || command.equals("init") || command.equals("demo")
                || namesFile(command);
        if (asksForInformation(args) || command.equals("audit")
                || (!createsHome && !Files.isDirectory(folder.root()))) {
            // Nothing to log, or nowhere to log yet: these runs must not create a home or log folder.
            System.setProperty("logback.configurationFile", "org/sealdrop/logback-silent.xml");
            return;
        }
        try {
            folder.createIfMissing();
        } catch (RuntimeException e) {
            // The command reports the unusable folder itself; logging then falls back to Logback's default.
            return;
        }
        System.setProperty("sealdrop.logDir", folder.logFolder().toString());
    }

    /** Returns the first argument that is neither an option nor the value of {@code --home}, or "" for none. */
    private static String subcommand(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--home")) {
                i++;
            } else if (!args[i].startsWith("-")) {
                return args[i];
            }
        }
        return "";
    }

    private static boolean namesFile(String argument) {
        try {
            return Files.exists(Path.of(argument));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    private static boolean asksForInformation(String[] args) {
        List<String> list = Arrays.asList(args);
        // The self-test never touches the home folder, so it logs nowhere either.
        return list.contains("--help") || list.contains("-h") || list.contains("-V")
                || (list.contains("--version") && !list.contains("retire")) || list.contains("--self-test");
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
