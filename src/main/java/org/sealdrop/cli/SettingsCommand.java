package org.sealdrop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.config.ManagedSettings;
import org.sealdrop.config.SettingRules;
import org.sealdrop.config.Settings;
import org.sealdrop.config.SettingsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sealdrop settings}: the settings in effect and which of them IT fixes. It reads the files
 * only, so it needs no passphrase and creates nothing. Settings contain no secrets (the audit token
 * stays in its own file, S3 credentials in the AWS SDK's chain), so every value is printed.
 */
@Command(name = "settings", mixinStandardHelpOptions = true,
        description = "Show the settings in effect; those that IT fixes in the managed settings file are marked managed.")
final class SettingsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    SealDropCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object: settings, managed (the managed keys) and the two files.")
    boolean json;

    @Override
    public Integer call() {
        HomeFolder home = parent.home.folder();
        ManagedSettings managed = ManagedSettings.load();
        Optional<Settings> user = SettingsFile.read(home.settingsFile());
        // Without settings.json the defaults are shown, so IT can check a managed file before any set-up.
        Settings effective = managed.applyTo(user.orElse(Settings.of(null, null, null, null, null, null)));
        ObjectNode values = JSON.valueToTree(effective);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            printJson(out, home, managed, values);
            return 0;
        }
        out.println("Settings file:         " + home.settingsFile() + (user.isPresent() ? "" : " (missing: no vault yet)"));
        out.println("Managed settings file: " + managed.file() + (Files.exists(managed.file())
                ? " (" + managed.keys().size() + " managed)" : " (missing: nothing is managed)"));
        out.println();
        for (String key : SettingRules.keys()) {
            JsonNode value = values.get(key);
            String line = String.format("%-24s %-40s %s", key, display(value), managed.isManaged(key) ? "managed" : "");
            out.println(line.stripTrailing());
        }
        return 0;
    }

    /** Returns {@code value} as a user reads it: a file path rather than the {@code file:} URI that settings.json stores. */
    private static String display(JsonNode value) {
        if (value == null || value.isNull()) {
            return "-";
        }
        String text = value.asText();
        return text.startsWith("file:") ? Path.of(URI.create(text)).toString() : text;
    }

    private static void printJson(PrintWriter out, HomeFolder home, ManagedSettings managed, ObjectNode values) {
        ObjectNode root = JSON.createObjectNode();
        root.put("settingsFile", home.settingsFile().toString());
        root.put("managedSettingsFile", managed.file().toString());
        root.set("settings", values);
        managed.keys().forEach(root.putArray("managed")::add);
        out.println(root.toPrettyString());
    }
}
