package org.sealdrop.ui.vault;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.sealdrop.SealDropException;
import org.sealdrop.app.VaultSetup;
import org.sealdrop.config.EndpointPolicy;
import org.sealdrop.ui.Messages;

/**
 * View model of the first-run form: the values typed so far and the checks that can be made without
 * the network. The vault service repeats the checks that matter for security.
 */
public final class SetupForm {

    /** Signing region used when the user leaves the field as it is. */
    public static final String DEFAULT_REGION = "us-east-1";

    // S3 bucket names: 3 to 63 lower-case letters, digits, dots and hyphens, starting and ending
    // with a letter or digit.
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern REGION_NAME = Pattern.compile("[a-z0-9-]+");

    private final StringProperty endpoint = new SimpleStringProperty(this, "endpoint", "");
    private final StringProperty region = new SimpleStringProperty(this, "region", DEFAULT_REGION);
    private final StringProperty bucket = new SimpleStringProperty(this, "bucket", "");
    private final StringProperty prefix = new SimpleStringProperty(this, "prefix", "");
    private final StringProperty auditUrl = new SimpleStringProperty(this, "auditUrl", "");
    private final StringProperty auditTokenFile = new SimpleStringProperty(this, "auditTokenFile", "");
    private final BooleanProperty createNew = new SimpleBooleanProperty(this, "createNew", true);

    public StringProperty endpointProperty() {
        return endpoint;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public StringProperty bucketProperty() {
        return bucket;
    }

    public StringProperty prefixProperty() {
        return prefix;
    }

    public StringProperty auditUrlProperty() {
        return auditUrl;
    }

    public StringProperty auditTokenFileProperty() {
        return auditTokenFile;
    }

    /** {@code true} to create a vault (the passphrase is typed twice), {@code false} to join one. */
    public BooleanProperty createNewProperty() {
        return createNew;
    }

    /**
     * Checks the form and returns one message per problem, or an empty list when it can be submitted.
     *
     * @param confirmation the second typing of the passphrase; ignored when joining
     */
    public List<String> validate(CharSequence passphrase, CharSequence confirmation) {
        List<String> problems = new ArrayList<>();
        checkUrl(endpoint.get(), "setup.endpoint.name", problems);
        if (!REGION_NAME.matcher(region.get().trim()).matches()) {
            problems.add(Messages.text("setup.invalid.region"));
        }
        if (!BUCKET_NAME.matcher(bucket.get().trim()).matches()) {
            problems.add(Messages.text("setup.invalid.bucket"));
        }
        checkUrl(auditUrl.get(), "setup.auditUrl.name", problems);
        if (!auditTokenFile.get().isBlank() && parsePath(auditTokenFile.get()) == null) {
            problems.add(Messages.text("setup.invalid.tokenFile"));
        }
        if (passphrase.length() == 0) {
            problems.add(Messages.text("setup.invalid.passphraseMissing"));
        } else if (createNew.get() && !Passphrases.sameCharacters(passphrase, confirmation)) {
            problems.add(Messages.text("setup.invalid.passphraseMismatch"));
        }
        return problems;
    }

    /**
     * Builds the settings from a form that {@link #validate} accepted.
     *
     * @throws IllegalStateException if a URL or path no longer parses
     */
    public VaultSetup toVaultSetup() {
        String cleanPrefix = prefix.get().trim();
        while (cleanPrefix.startsWith("/")) {
            cleanPrefix = cleanPrefix.substring(1);
        }
        Path tokenFile = auditTokenFile.get().isBlank() ? null : parsePath(auditTokenFile.get());
        return new VaultSetup(parseUri(endpoint.get()), region.get().trim(), bucket.get().trim(), cleanPrefix,
                parseUri(auditUrl.get()), tokenFile);
    }

    private static void checkUrl(String value, String nameKey, List<String> problems) {
        String name = Messages.text(nameKey);
        if (value.isBlank()) {
            problems.add(Messages.text("setup.invalid.urlMissing", name));
            return;
        }
        try {
            EndpointPolicy.requireSecure(new URI(value.trim()), name);
        } catch (URISyntaxException e) {
            problems.add(Messages.text("setup.invalid.url", name));
        } catch (SealDropException e) {
            String key = "SD-INSECURE-URL".equals(e.errorCode()) ? "setup.invalid.insecureUrl" : "setup.invalid.url";
            problems.add(Messages.text(key, name));
        }
    }

    private static URI parseUri(String value) {
        try {
            return new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The form was submitted with an invalid URL; validate it first.", e);
        }
    }

    private static Path parsePath(String value) {
        try {
            return Path.of(value.trim());
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
