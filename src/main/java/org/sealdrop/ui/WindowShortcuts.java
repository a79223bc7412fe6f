package org.sealdrop.ui;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.sealdrop.ui.theme.UiTheme;

/**
 * Keyboard shortcuts of the main window that work wherever the focus is: Ctrl+L (Cmd+L on macOS)
 * locks the vault, and Ctrl+Shift+D switches between the light and the dark theme. Buttons carry
 * their own Alt+letter mnemonics in the bundle text.
 */
public final class WindowShortcuts {

    /** Locks the vault while the documents view shows. */
    public static final KeyCombination LOCK = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);

    /** Switches between the light and the dark theme, in every window at once. */
    public static final KeyCombination SWITCH_THEME =
            new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    private WindowShortcuts() {
    }

    /** Adds the shortcuts to {@code scene}; {@code lock} runs on Ctrl+L and decides itself whether to lock. */
    static void install(Scene scene, Runnable lock) {
        scene.getAccelerators().put(LOCK, lock);
        scene.getAccelerators().put(SWITCH_THEME, UiTheme::toggle);
    }
}
