package org.sealdrop.ui.theme;

/** A colour theme the window can show; each has a stylesheet that defines the looked-up colours. */
public enum Theme {
    LIGHT("theme-light.css"),
    DARK("theme-dark.css");

    private final String stylesheet;

    Theme(String stylesheet) {
        this.stylesheet = stylesheet;
    }

    /** Returns the stylesheet's name, next to {@code sealdrop.css} in {@code org/sealdrop/ui}. */
    public String stylesheet() {
        return stylesheet;
    }

    /** Returns the other theme, for the shortcut that switches between them. */
    public Theme opposite() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
