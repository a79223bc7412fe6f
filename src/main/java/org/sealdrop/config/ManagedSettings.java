package org.sealdrop.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sealdrop.SealDropException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings that IT sets for every user of a computer in one system-wide JSON file, with the same
 * names as {@code settings.json}. A key in this file overrides the user's value and cannot be changed
 * by the user. A missing file means that nothing is managed.
 *
 * <p>The file is read whole and checked before anything else starts: an unknown key, a wrong type,
 * an invalid value or a key that looks like a secret rejects the whole file, because silently
 * ignoring a lock that IT set is worse than not starting.
 */
public final class ManagedSettings {

    /** System property that replaces the operating system's path of the file, as tests and IT checks do. */
    public static final String PATH_PROPERTY = "sealdrop.managedSettings";

    /** Error code of a managed settings file that cannot be read or contains an invalid entry. */
    public static final String INVALID = "SD-MANAGED-SETTINGS";

    /** Error code of a request to change a setting that the managed settings file fixes. */
    public static final String LOCKED = "SD-SETTING-MANAGED";

    private static final Logger LOG = LoggerFactory.getLogger(ManagedSettings.class);

    private final Path file;
    private final ObjectNode values;

    private ManagedSettings(Path file, ObjectNode values) {
        this.file = file;
        this.values = values;
    }

    /**
     * Reads the file that {@link #PATH_PROPERTY} names, or else the operating system's file (see
     * {@link #defaultPath}).
     *
     * @throws SealDropException with code {@value #INVALID} when the file exists but is unreadable or invalid
     */
    public static ManagedSettings load() {
        String property = System.getProperty(PATH_PROPERTY);
        Path file = property != null && !property.isBlank() ? Path.of(property)
                : defaultPath(System.getProperty("os.name"), System.getenv());
        try {
            return read(file);
        } catch (SealDropException e) {
            // Logged here as well, because a window started from a menu has no terminal for the message.
            LOG.error("{} [{}]", e.getMessage(), e.errorCode());
            throw e;
        }
    }

    /**
     * Returns the system-wide path: {@code %ProgramData%\SealDrop\managed.json} on Windows,
     * {@code /Library/Application Support/SealDrop/managed.json} on macOS and
     * {@code /etc/sealdrop/managed.json} elsewhere.
     */
    public static Path defaultPath(String osName, Map<String, String> environment) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String programData = environment.getOrDefault("ProgramData", environment.get("PROGRAMDATA"));
            return Path.of(programData != null ? programData : "C:\\ProgramData", "SealDrop", "managed.json");
        }
        if (os.startsWith("mac")) {
            return Path.of("/Library", "Application Support", "SealDrop", "managed.json");
        }
        return Path.of("/etc", "sealdrop", "managed.json");
    }

    /**
     * Reads and checks {@code file}; a file that does not exist manages nothing.
     *
     * @throws SealDropException with code {@value #INVALID} when the file is unreadable, is not a JSON
     *     object, or contains an unknown key, a key that looks like a secret or an invalid value
     */
    public static ManagedSettings read(Path file) {
        if (!Files.exists(file)) {
            return new ManagedSettings(file, SettingsFile.JSON.createObjectNode());
        }
        JsonNode root;
        try {
            root = SettingsFile.JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw invalid(file, "it is not valid JSON (line " + e.getLocation().getLineNr() + ")", e);
        } catch (IOException e) {
            throw new SealDropException(INVALID, "The managed settings file " + file + " could not be read ("
                    + e.getClass().getSimpleName() + "); ask IT to make it a readable file or remove it.", e);
        }
        if (root == null || !root.isObject()) {
            throw invalid(file, "it is not a JSON object such as {\"autoLockMinutes\": 5}", null);
        }
        ObjectNode object = (ObjectNode) root;
        ManagedSettings managed = new ManagedSettings(file, object);
        managed.check();
        return managed;
    }

    /** Returns a value that manages nothing, with {@code file} as the path that was looked at. */
    public static ManagedSettings none(Path file) {
        return new ManagedSettings(file, SettingsFile.JSON.createObjectNode());
    }

    /** Path of the file, whether it exists or not. */
    public Path file() {
        return file;
    }

    /** JSON names of the managed settings, in the order of the file. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        values.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    public boolean isManaged(String key) {
        return values.has(key);
    }

    /** Returns the managed value of {@code key} as JSON, or empty when IT does not set it. */
    public Optional<JsonNode> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Returns the managed text value of {@code key}, such as the endpoint, or empty when IT does not set it. */
    public Optional<String> text(String key) {
        return value(key).map(JsonNode::asText);
    }

    /**
     * Returns {@code user} with every managed value in place of the user's.
     *
     * @throws SealDropException with code {@value #INVALID} when the managed values together with the
     *     user's make settings that {@link Settings} rejects
     */
    public Settings applyTo(Settings user) {
        if (values.isEmpty()) {
            return user;
        }
        ObjectNode merged = SettingsFile.JSON.valueToTree(user);
        merged.setAll(values.deepCopy());
        try {
            return SettingsFile.JSON.treeToValue(merged, Settings.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw invalid(file, "its values do not fit together (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Rejects a request that gives one of {@code changedKeys} of {@code requested} another value than
     * the managed one. Keys that IT does not manage, and managed keys requested with the managed value,
     * pass.
     *
     * @throws SealDropException with code {@value #LOCKED} naming the first such key and this file
     */
    public void requireUnchanged(Settings requested, Collection<String> changedKeys) {
        ObjectNode tree = SettingsFile.JSON.valueToTree(requested);
        for (String key : changedKeys) {
            JsonNode managed = values.get(key);
            if (managed != null && !managed.equals(tree.get(key))) {
                throw locked(key);
            }
        }
    }

    /**
     * Rejects {@code requestedValue} for {@code key} when IT manages the key with another value;
     * {@code requestedValue} is compared as text, as a command line option gives it.
     *
     * @throws SealDropException with code {@value #LOCKED}
     */
    public void requireUnchanged(String key, String requestedValue) {
        Optional<String> managed = text(key);
        if (managed.isPresent() && !managed.get().equals(requestedValue)) {
            throw locked(key);
        }
    }

    /** Returns the error for a request to change the managed {@code key}. */
    public SealDropException locked(String key) {
        return new SealDropException(LOCKED, "The setting " + key + " is fixed by IT in the managed settings file "
                + file + ", so it cannot be changed here; ask IT to change it there.");
    }

    /** Checks every entry, then the settings that the entries make together. */
    private void check() {
        for (Iterator<Map.Entry<String, JsonNode>> fields = values.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            checkEntry(field.getKey(), field.getValue());
        }
        // Stores each value as settings.json writes it (a prefix ends in "/", a path is a file: URI), so
        // that comparing a requested value with the managed one does not fail on spelling alone.
        ObjectNode normalized = SettingsFile.JSON.valueToTree(applyTo(Settings.of(null, null, null, null, null, null)));
        for (String key : keys()) {
            values.set(key, normalized.get(key));
        }
    }

    private void checkEntry(String key, JsonNode value) {
        if (SecretPatterns.isSecretKey(key)) {
            // The value is left out of the message because it may be the secret itself.
            throw invalid(file, "the key " + key + " looks like a credential or token, and this file is readable"
                    + " by every user, so it must not contain secrets; remove the key", null);
        }
        if (!SettingRules.isKey(key)) {
            // Lists only the keys this file accepts: keys that name a token are refused above.
            String accepted = SettingRules.keys().stream().filter(name -> !SecretPatterns.isSecretKey(name))
                    .collect(Collectors.joining(", "));
            throw invalid(file, "the key " + key + " is not a setting (the settings are " + accepted
                    + "); remove or correct it", null);
        }
        if (value.isTextual() && SecretPatterns.looksLikeSecret(value.textValue())) {
            throw invalid(file, "the value of " + key + " contains what looks like an access key or a password;"
                    + " remove it", null);
        }
        SettingRules.problem(key, value).ifPresent(problem -> {
            throw invalid(file, "the value of " + key + " is invalid: " + problem, null);
        });
    }

    private static SealDropException invalid(Path file, String problem, Throwable cause) {
        return new SealDropException(INVALID, "The managed settings file " + file + " is invalid because " + problem
                + "; SealDrop does not start until IT corrects the file.", cause);
    }
}
