package org.sealdrop.doctor;

import java.util.Optional;
import org.sealdrop.SealDropException;
import org.sealdrop.config.HomeFolder;
import org.sealdrop.config.ManagedSettings;
import org.sealdrop.config.Settings;
import org.sealdrop.config.SettingsFile;

/** Loads {@code settings.json} of the home folder and the managed settings file, and applies the latter. */
public final class SettingsCheck implements DoctorCheck {

    static final String NAME = "settings";

    private final HomeFolder home;
    private Settings effective;

    public SettingsCheck(HomeFolder home) {
        this.home = home;
    }

    @Override
    public CheckResult run() {
        ManagedSettings managed;
        try {
            managed = ManagedSettings.load();
        } catch (SealDropException e) {
            return CheckResult.fail(NAME, e.errorCode() + ": " + e.getMessage(),
                    "Ask IT to correct the managed settings file, then run `sealdrop doctor` again.");
        }
        Optional<Settings> user;
        try {
            user = SettingsFile.read(home.settingsFile());
        } catch (SealDropException e) {
            return CheckResult.fail(NAME, e.errorCode() + ": " + e.getMessage(),
                    "Correct settings.json in " + home.root() + " or run `sealdrop init` again.");
        }
        if (user.isEmpty()) {
            return CheckResult.fail(NAME, "The home folder " + home.root() + " has no settings.json.",
                    "Run `sealdrop init` (or start SealDrop to use the first-run wizard), or pass the right --home.");
        }
        effective = managed.applyTo(user.get());
        String source = managed.keys().isEmpty() ? "settings.json loaded; no managed settings"
                : "settings.json loaded; " + managed.keys().size() + " settings managed by " + managed.file();
        return CheckResult.ok(NAME, source);
    }

    /** Returns the settings in effect after a successful {@link #run()}, else empty. */
    public Optional<Settings> effective() {
        return Optional.ofNullable(effective);
    }
}
