package org.sealdrop.ui.vault;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.sealdrop.SealDropException;
import org.sealdrop.config.EndpointPolicy;
import org.sealdrop.ui.Messages;

/**
 * Checks of single wizard fields that need no network. Each check puts the message for its field into
 * {@code problems} and leaves it alone when the value is valid.
 */
final class SetupFields {

    // S3 bucket names: 3 to 63 lower-case letters, digits, dots and hyphens, starting and ending
    // with a letter or digit.
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern REGION_NAME = Pattern.compile("[a-z0-9-]+");
    // AWS access key ids are 16 to 128 word characters; S3-compatible stores use the same shape.
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("[\\x21-\\x7E]{3,128}");

    private SetupFields() {
    }

    static void checkUrl(String value, String nameKey, SetupWizard.Field field,
            Map<SetupWizard.Field, String> problems) {
        String name = Messages.text(nameKey);
        if (value.isBlank()) {
            problems.put(field, Messages.text("setup.invalid.urlMissing", name));
            return;
        }
        try {
            EndpointPolicy.requireSecure(new URI(value.trim()), name);
        } catch (URISyntaxException e) {
            problems.put(field, Messages.text("setup.invalid.url", name));
        } catch (SealDropException e) {
            String key = "SD-INSECURE-URL".equals(e.errorCode()) ? "setup.invalid.insecureUrl" : "setup.invalid.url";
            problems.put(field, Messages.text(key, name));
        }
    }

    static void checkRegion(String value, Map<SetupWizard.Field, String> problems) {
        if (!REGION_NAME.matcher(value.trim()).matches()) {
            problems.put(SetupWizard.Field.REGION, Messages.text("setup.invalid.region"));
        }
    }

    static void checkBucket(String value, Map<SetupWizard.Field, String> problems) {
        if (!BUCKET_NAME.matcher(value.trim()).matches()) {
            problems.put(SetupWizard.Field.BUCKET, Messages.text("setup.invalid.bucket"));
        }
    }

    /** Accepts both halves of an access key pair or neither. */
    static void checkAccessKeys(String accessKeyId, CharSequence secret, Map<SetupWizard.Field, String> problems) {
        boolean hasId = !accessKeyId.isBlank();
        boolean hasSecret = secret.length() > 0;
        if (hasId && !ACCESS_KEY_ID.matcher(accessKeyId.trim()).matches()) {
            problems.put(SetupWizard.Field.ACCESS_KEY, Messages.text("wizard.invalid.accessKey"));
        } else if (hasSecret && !hasId) {
            problems.put(SetupWizard.Field.ACCESS_KEY, Messages.text("wizard.invalid.accessKeyMissing"));
        }
        if (hasId && !hasSecret) {
            problems.put(SetupWizard.Field.SECRET_KEY, Messages.text("wizard.invalid.secretMissing"));
        }
    }

    /** Checks the RFC 6750 token syntax that the audit sender applies too. */
    static void checkToken(CharSequence token, Map<SetupWizard.Field, String> problems) {
        if (token.length() == 0) {
            return;
        }
        boolean valid = true;
        int padding = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean tokenChar = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || "-._~+/".indexOf(c) >= 0;
            if (c == '=') {
                padding++;
            } else if (!tokenChar || padding > 0) {
                valid = false;
            }
        }
        if (!valid || padding == token.length()) {
            problems.put(SetupWizard.Field.AUDIT_TOKEN, Messages.text("wizard.invalid.token"));
        }
    }

    static void checkTokenFile(String value, Map<SetupWizard.Field, String> problems) {
        if (!value.isBlank() && parsePath(value) == null) {
            problems.put(SetupWizard.Field.TOKEN_FILE, Messages.text("setup.invalid.tokenFile"));
        }
    }

    static Path parsePath(String value) {
        try {
            return Path.of(value.trim());
        } catch (InvalidPathException e) {
            return null;
        }
    }

    static URI parseUri(String value) {
        try {
            return new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The wizard was submitted with an invalid URL; validate it first.", e);
        }
    }
}
