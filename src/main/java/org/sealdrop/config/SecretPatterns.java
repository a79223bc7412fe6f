package org.sealdrop.config;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The check that keeps secrets out of the managed settings file, which every user of the computer
 * can read. It judges by key names and by the shape of values, so it catches the usual mistakes
 * (an AWS access key, a password in a URL) but cannot prove that a value is not secret.
 */
final class SecretPatterns {

    /**
     * Parts of key names that name a secret, compared in lower case. {@code auditTokenFile} matches
     * on purpose: the audit token file belongs to each user's own settings.
     */
    private static final List<String> SECRET_WORDS = List.of("secret", "password", "passphrase", "passwd", "token",
            "credential", "accesskey", "apikey", "privatekey", "sessionkey", "authorization", "bearer");

    /** An AWS access key id, such as {@code AKIAIOSFODNN7EXAMPLE}, or a URL with a user and password. */
    private static final Pattern SECRET_VALUE = Pattern.compile("(?:A[KS]IA[0-9A-Z]{16})|(?:^[a-zA-Z][a-zA-Z0-9+.-]*://[^/@\\s]+:[^/@\\s]*@)");

    private SecretPatterns() {
    }

    static boolean isSecretKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        return SECRET_WORDS.stream().anyMatch(lower::contains);
    }

    static boolean looksLikeSecret(String value) {
        return SECRET_VALUE.matcher(value).find();
    }
}
