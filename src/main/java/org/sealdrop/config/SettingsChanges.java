package org.sealdrop.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The comparison of two {@link Settings} by setting name, and the set of settings that a running
 * program takes over at once. The others (S3 endpoint, region, part size, parallelism, audit URL)
 * need a new S3 client or audit sender, so they apply when SealDrop starts next.
 */
public final class SettingsChanges {

    /**
     * Settings that the running services read each time they need them. The window's idle timer
     * reads the auto-lock time when it starts. The audit gate reads the policy at each open or
     * export, and the service checks the permissions at each request.
     */
    public static final Set<String> APPLIED_AT_ONCE = Set.of("autoLockMinutes", "auditPolicy", "auditMaxPendingEvents",
            "auditMaxPendingHours", "auditStrictWaitSeconds", "exportAllowed", "printAllowed", "deleteAllowed");

    private SettingsChanges() {
    }

    /** Returns the JSON names of the settings whose values differ, in the order of the {@link Settings} record. */
    public static Set<String> changedKeys(Settings before, Settings after) {
        ObjectNode old = SettingsFile.JSON.valueToTree(before);
        ObjectNode now = SettingsFile.JSON.valueToTree(after);
        Set<String> changed = new LinkedHashSet<>();
        for (String key : SettingRules.keys()) {
            boolean same = old.has(key) ? old.get(key).equals(now.get(key)) : !now.has(key);
            if (!same) {
                changed.add(key);
            }
        }
        return changed;
    }

    /**
     * Returns {@code base} with {@code values}, given as JSON by setting name, in place of its own.
     *
     * @throws IllegalArgumentException when {@link Settings} rejects the result
     */
    public static Settings withValues(Settings base, Map<String, JsonNode> values) {
        ObjectNode merged = SettingsFile.JSON.valueToTree(base);
        values.forEach(merged::set);
        try {
            return SettingsFile.JSON.treeToValue(merged, Settings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getCause() instanceof IllegalArgumentException invalid
                    ? invalid.getMessage() : e.getOriginalMessage(), e);
        }
    }

    /** Returns every value of {@code settings} as JSON by setting name, as {@code settings.json} stores it. */
    public static Map<String, JsonNode> valuesOf(Settings settings) {
        ObjectNode tree = SettingsFile.JSON.valueToTree(settings);
        Map<String, JsonNode> values = new LinkedHashMap<>();
        tree.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue()));
        return values;
    }

    /** Returns {@code base} with the values of {@code keys} taken from {@code source}. */
    public static Settings withValuesOf(Settings base, Settings source, Set<String> keys) {
        ObjectNode merged = SettingsFile.JSON.valueToTree(base);
        ObjectNode from = SettingsFile.JSON.valueToTree(source);
        for (String key : keys) {
            if (from.has(key)) {
                merged.set(key, from.get(key));
            } else {
                merged.remove(key);
            }
        }
        try {
            return SettingsFile.JSON.treeToValue(merged, Settings.class);
        } catch (JsonProcessingException e) {
            // Every value comes from valid Settings and each is checked on its own, so only a bug fails here.
            throw new IllegalStateException("Merging settings failed", e);
        }
    }
}
