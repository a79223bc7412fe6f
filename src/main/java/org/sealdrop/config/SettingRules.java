package org.sealdrop.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sealdrop.SealDropException;

/**
 * The valid values of each setting, by its JSON name in {@code settings.json}. The {@link Settings}
 * constructor, the managed settings file and the Settings screen all check values here, so a value
 * is judged the same way wherever it is typed. A problem is returned as one sentence in English that
 * names the key and the value.
 */
public final class SettingRules {

    /** Smallest multipart part size that S3 accepts for every part but the last. */
    public static final int MIN_PART_SIZE_MIB = 5;
    /** Largest multipart part size that S3 accepts (5 GiB). */
    public static final int MAX_PART_SIZE_MIB = 5 * 1024;
    /**
     * Largest number of parts sent at once. NOTE: a chosen bound, not a measured one. Memory per upload
     * is about part size times (parallelism + 1), so 64 parts of 8 MiB already take about 520 MiB.
     */
    public static final int MAX_UPLOAD_PARALLELISM = 64;

    /** The kind of JSON value that a key takes. */
    enum Kind { URL, TEXT, PATH, INTEGER, BOOLEAN, CHOICE }

    /** The rule of one key: its kind, and the bounds of an integer or the values of a choice. */
    record Rule(Kind kind, int min, int max, List<String> choices) {

        static Rule of(Kind kind) {
            return new Rule(kind, 0, 0, List.of());
        }

        static Rule integer(int min, int max) {
            return new Rule(Kind.INTEGER, min, max, List.of());
        }

        static Rule choice(String... choices) {
            return new Rule(Kind.CHOICE, 0, 0, List.of(choices));
        }
    }

    private static final Map<String, Rule> RULES = rules();

    private SettingRules() {
    }

    private static Map<String, Rule> rules() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        rules.put("endpoint", Rule.of(Kind.URL));
        rules.put("region", Rule.of(Kind.TEXT));
        rules.put("bucket", Rule.of(Kind.TEXT));
        rules.put("prefix", Rule.of(Kind.TEXT));
        rules.put("pathStyle", Rule.of(Kind.BOOLEAN));
        rules.put("checksumMode", Rule.choice("WHEN_SUPPORTED", "WHEN_REQUIRED"));
        rules.put("auditUrl", Rule.of(Kind.URL));
        rules.put("auditTokenFile", Rule.of(Kind.PATH));
        rules.put("partSizeMiB", Rule.integer(MIN_PART_SIZE_MIB, MAX_PART_SIZE_MIB));
        rules.put("multipartThresholdMiB", Rule.integer(1, Integer.MAX_VALUE));
        rules.put("autoLockMinutes", Rule.integer(0, Integer.MAX_VALUE));
        rules.put("uploadParallelism", Rule.integer(1, MAX_UPLOAD_PARALLELISM));
        rules.put("auditPolicy", Rule.choice(Settings.AUDIT_POLICY_QUEUED, Settings.AUDIT_POLICY_STRICT));
        rules.put("auditMaxPendingEvents", Rule.integer(1, Integer.MAX_VALUE));
        rules.put("auditMaxPendingHours", Rule.integer(1, Integer.MAX_VALUE));
        rules.put("auditStrictWaitSeconds", Rule.integer(1, Integer.MAX_VALUE));
        rules.put("auditTrustStore", Rule.of(Kind.PATH));
        rules.put("exportAllowed", Rule.of(Kind.BOOLEAN));
        rules.put("printAllowed", Rule.of(Kind.BOOLEAN));
        rules.put("deleteAllowed", Rule.of(Kind.BOOLEAN));
        return Collections.unmodifiableMap(rules);
    }

    /** Returns the JSON names of every setting, in the order of the {@link Settings} record. */
    public static Set<String> keys() {
        return RULES.keySet();
    }

    /** Tells whether {@code key} is the JSON name of a setting. */
    public static boolean isKey(String key) {
        return RULES.containsKey(key);
    }

    /** Tells whether {@code key} takes a whole number, so that a form can parse typed text as one. */
    public static boolean isInteger(String key) {
        return RULES.containsKey(key) && RULES.get(key).kind() == Kind.INTEGER;
    }

    /**
     * Returns the problem with {@code value} as the value of {@code key}, or empty when it is valid.
     * A JSON null is never valid here: the managed file and the Settings screen set a value or leave
     * the key out.
     *
     * @throws IllegalArgumentException if {@code key} is not a setting
     */
    public static Optional<String> problem(String key, JsonNode value) {
        return check(key, value).map(SettingProblem::message);
    }

    /**
     * Returns the problem with {@code value} as the value of {@code key}, with its code, or empty when
     * it is valid.
     *
     * @throws IllegalArgumentException if {@code key} is not a setting
     */
    public static Optional<SettingProblem> check(String key, JsonNode value) {
        Rule rule = RULES.get(key);
        if (rule == null) {
            throw new IllegalArgumentException("Unknown setting " + key);
        }
        switch (rule.kind()) {
            case INTEGER:
                if (!value.isInt()) {
                    return notWholeNumber(key, value.toString());
                }
                return checkInteger(key, value.intValue());
            case BOOLEAN:
                return value.isBoolean() ? Optional.empty()
                        : problem(key, "boolean", key + " must be true or false, but is " + value, value.toString());
            default:
                if (!value.isTextual()) {
                    return problem(key, "quotedText", key + " must be a text in quotes, but is " + value, value.toString());
                }
                return checkText(key, rule, value.textValue());
        }
    }

    /** Returns the problem of {@code text}, typed where the whole number {@code key} belongs, that is not one. */
    public static Optional<SettingProblem> notWholeNumber(String key, String text) {
        return problem(key, "wholeNumber", key + " must be a whole number, but is " + text, text);
    }

    /** Returns the problem with {@code value} as the whole number {@code key}, or empty when it is valid. */
    public static Optional<SettingProblem> checkInteger(String key, int value) {
        Rule rule = RULES.get(key);
        String text = Integer.toString(value);
        if (key.equals("autoLockMinutes") && value < 0) {
            return problem(key, "autoLock", "autoLockMinutes must be 0 (off) or a positive number of minutes, but is "
                    + value, text);
        }
        if (rule.min() == 1 && rule.max() == Integer.MAX_VALUE && value < 1) {
            return problem(key, "positive", key + " must be a positive number, but is " + value, text);
        }
        if (value < rule.min() || value > rule.max()) {
            return problem(key, "range", key + " must be between " + rule.min() + " and " + rule.max() + ", but is "
                    + value, Integer.toString(rule.min()), Integer.toString(rule.max()), text);
        }
        return Optional.empty();
    }

    /**
     * Checks the whole number {@code value} of {@code key}.
     *
     * @throws IllegalArgumentException with the problem when it is invalid
     */
    static void requireValid(String key, int value) {
        checkInteger(key, value).ifPresent(problem -> {
            throw new IllegalArgumentException(problem.message());
        });
    }

    private static Optional<SettingProblem> checkText(String key, Rule rule, String text) {
        switch (rule.kind()) {
            case URL:
                return checkUrl(key, text);
            case CHOICE:
                if (rule.choices().contains(text)) {
                    return Optional.empty();
                }
                String message = key.equals("auditPolicy")
                        ? "auditPolicy must be \"queued\" or \"strict\", but is \"" + text + "\""
                        : key + " must be one of " + rule.choices() + ", but is \"" + text + "\"";
                return problem(key, "choice", message, text);
            case TEXT:
                if (text.isBlank() && !key.equals("prefix")) {
                    return problem(key, "empty", key + " must not be empty", text);
                }
                return Optional.empty();
            default:
                return text.isBlank() ? problem(key, "file", key + " must name a file, but is empty", text)
                        : Optional.empty();
        }
    }

    /** Returns the problem with {@code text} as a URL that {@link EndpointPolicy} accepts. */
    private static Optional<SettingProblem> checkUrl(String key, String text) {
        try {
            EndpointPolicy.requireSecure(new URI(text.strip()), key);
            return Optional.empty();
        } catch (URISyntaxException e) {
            return problem(key, "url", key + " must be an http or https URL, but is \"" + text + "\"", text);
        } catch (SealDropException e) {
            String code = e.errorCode().equals("SD-INSECURE-URL") ? "insecureUrl" : "invalidUrl";
            return problem(key, code, e.getMessage(), text);
        }
    }

    private static Optional<SettingProblem> problem(String key, String code, String message, String... arguments) {
        return Optional.of(new SettingProblem(key, code, message, List.of(arguments)));
    }
}
