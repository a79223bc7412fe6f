package org.sealdrop.ui.theme;

/**
 * The colour theme the user picked: follow the operating system, or always light or dark. Stored by
 * name in the UI preferences file.
 */
public enum ThemeChoice {
    SYSTEM,
    LIGHT,
    DARK;

    /** Returns the bundle key of this choice's label, such as {@code theme.choice.DARK}. */
    public String messageKey() {
        return "theme.choice." + name();
    }

    /** Returns the theme to show: the operating system's for {@link #SYSTEM}, else this choice's. */
    public Theme resolve(SystemTheme system) {
        switch (this) {
            case LIGHT:
                return Theme.LIGHT;
            case DARK:
                return Theme.DARK;
            default:
                return system.detect();
        }
    }
}
