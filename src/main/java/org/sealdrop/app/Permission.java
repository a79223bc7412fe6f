package org.sealdrop.app;

import java.util.function.Predicate;
import org.sealdrop.SealDropException;
import org.sealdrop.config.ManagedSettings;
import org.sealdrop.config.Settings;

/**
 * An action on documents that a setting can turn off, usually IT through the managed settings file.
 * {@link LocalServices#requirePermitted} checks it before the action starts: {@code LocalDocuments} calls
 * it in export, print and delete, so the window and the command line are refused alike. The window also
 * hides or disables the action's buttons.
 */
public enum Permission {

    EXPORT("exportAllowed", "SD-EXPORT-DISABLED", "Saving or exporting decrypted copies", Settings::exportAllowed),
    PRINT("printAllowed", "SD-PRINT-DISABLED", "Printing documents", Settings::printAllowed),
    DELETE("deleteAllowed", "SD-DELETE-DISABLED", "Deleting documents", Settings::deleteAllowed);

    private final String key;
    private final String errorCode;
    private final String action;
    private final Predicate<Settings> allowed;

    Permission(String key, String errorCode, String action, Predicate<Settings> allowed) {
        this.key = key;
        this.errorCode = errorCode;
        this.action = action;
        this.allowed = allowed;
    }

    /** JSON name of the setting, such as {@code exportAllowed}. */
    public String key() {
        return key;
    }

    /** Error code of a rejected action, such as {@code SD-EXPORT-DISABLED}. */
    public String errorCode() {
        return errorCode;
    }

    public boolean isAllowed(Settings settings) {
        return allowed.test(settings);
    }

    /** Returns the error for the rejected action, naming the managed file when IT turned it off there. */
    SealDropException rejection(ManagedSettings managed) {
        String where = managed.isManaged(key) ? "by IT in the managed settings file " + managed.file()
                : "in this computer's settings.json";
        return new SealDropException(errorCode, action + " is turned off on this computer (" + key + " is false "
                + where + "); ask IT if you need it.");
    }
}
