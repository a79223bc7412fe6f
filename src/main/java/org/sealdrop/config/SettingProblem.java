package org.sealdrop.config;

import java.util.List;

/**
 * Why a value is invalid for a setting.
 *
 * @param key JSON name of the setting
 * @param code kind of problem, stable so that a window can show its own translated text:
 *     {@code wholeNumber}, {@code autoLock}, {@code positive}, {@code range}, {@code boolean},
 *     {@code quotedText}, {@code choice}, {@code empty}, {@code file}, {@code url}, {@code invalidUrl}
 *     or {@code insecureUrl}
 * @param message one English sentence that names the key and the value, for the command line and logs
 * @param arguments the values that a translated text may show: the bounds of {@code range}, then the value
 */
public record SettingProblem(String key, String code, String message, List<String> arguments) {
}
