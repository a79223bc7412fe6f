package org.sealdrop.ui.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sealdrop.config.ManagedSettings;
import org.sealdrop.config.SettingProblem;
import org.sealdrop.config.SettingRules;
import org.sealdrop.config.Settings;
import org.sealdrop.config.SettingsChanges;

/**
 * The rules of the Settings screen, without JavaFX: the text of each editable field, its problem
 * checked with {@link SettingRules} as the user types, whether IT fixes it, and the settings that
 * Save writes. Fields are named by the setting's JSON name in {@code settings.json}.
 */
public final class SettingsViewModel {

    /** The settings the screen edits, in the order it shows them. */
    public static final List<String> EDITABLE = List.of("endpoint", "region", "auditUrl", "auditPolicy",
            "auditMaxPendingEvents", "auditMaxPendingHours", "auditStrictWaitSeconds", "autoLockMinutes", "partSizeMiB",
            "uploadParallelism");

    private final ManagedSettings managed;
    private Settings current;
    private final Map<String, String> texts = new LinkedHashMap<>();

    /**
     * @param current the settings in effect, with the managed values applied
     * @param managed the settings that IT fixes; their fields cannot be edited
     */
    public SettingsViewModel(Settings current, ManagedSettings managed) {
        this.current = current;
        this.managed = managed;
        Map<String, JsonNode> values = SettingsChanges.valuesOf(current);
        for (String key : EDITABLE) {
            texts.put(key, values.get(key).asText());
        }
    }

    /** Returns the settings that the screen opened with, or last saved. */
    public Settings current() {
        return current;
    }

    /**
     * Takes the typed values as the saved ones, so that later edits compare with them.
     *
     * @throws IllegalArgumentException when a field is invalid
     */
    public void markSaved() {
        current = toSettings();
    }

    /** Returns the text of field {@code key}, as typed or as loaded. */
    public String text(String key) {
        return requireField(texts.get(key), key);
    }

    /**
     * Sets the text of field {@code key}; a managed field keeps its value.
     *
     * @throws IllegalArgumentException if {@code key} is not an editable field
     */
    public void setText(String key, String text) {
        requireField(texts.get(key), key);
        if (!isManaged(key)) {
            texts.put(key, text == null ? "" : text);
        }
    }

    /** Tells whether IT fixes {@code key} in the managed settings file, so its field is shown disabled. */
    public boolean isManaged(String key) {
        return managed.isManaged(key);
    }

    /** Returns the managed settings file, named in the lock's explanation. */
    public ManagedSettings managed() {
        return managed;
    }

    /** Returns the problem with the text of field {@code key}, or empty when it is valid. */
    public Optional<SettingProblem> problem(String key) {
        String text = text(key).strip();
        if (SettingRules.isInteger(key)) {
            try {
                return SettingRules.checkInteger(key, Integer.parseInt(text));
            } catch (NumberFormatException e) {
                return SettingRules.notWholeNumber(key, "\"" + text + "\"");
            }
        }
        return SettingRules.check(key, TextNode.valueOf(text));
    }

    /** Returns the problem of the settings as a whole, such as values that do not fit together, or empty. */
    public Optional<String> overallProblem() {
        if (EDITABLE.stream().anyMatch(key -> problem(key).isPresent())) {
            return Optional.empty();
        }
        try {
            toSettings();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Tells whether Save may run: every field is valid and at least one value changed. */
    public boolean canSave() {
        if (EDITABLE.stream().anyMatch(key -> problem(key).isPresent()) || overallProblem().isPresent()) {
            return false;
        }
        return !changedKeys().isEmpty();
    }

    /**
     * Returns the settings with the typed values; managed fields keep the managed value.
     *
     * @throws IllegalArgumentException when a field is invalid
     */
    public Settings toSettings() {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (String key : EDITABLE) {
            problem(key).ifPresent(problem -> {
                throw new IllegalArgumentException(problem.message());
            });
            String text = text(key).strip();
            values.put(key, SettingRules.isInteger(key) ? IntNode.valueOf(Integer.parseInt(text)) : TextNode.valueOf(text));
        }
        return SettingsChanges.withValues(current, values);
    }

    /** Returns the names of the settings whose typed values differ from those the screen opened with or last saved. */
    public Set<String> changedKeys() {
        try {
            return SettingsChanges.changedKeys(current, toSettings());
        } catch (IllegalArgumentException e) {
            return Set.of();
        }
    }

    /** Returns those of {@code changed} that apply at once, as a save reports them. */
    public static Set<String> appliedAtOnce(Set<String> changed) {
        Set<String> now = new LinkedHashSet<>(changed);
        now.retainAll(SettingsChanges.APPLIED_AT_ONCE);
        return now;
    }

    /** Returns those of {@code changed} that apply at the next start of SealDrop. */
    public static Set<String> appliedAtRestart(Set<String> changed) {
        Set<String> later = new LinkedHashSet<>(changed);
        later.removeAll(SettingsChanges.APPLIED_AT_ONCE);
        return later;
    }

    private static String requireField(String value, String key) {
        if (value == null) {
            throw new IllegalArgumentException("The Settings screen has no field " + key);
        }
        return value;
    }
}
