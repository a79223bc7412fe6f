package org.sealdrop.ui.theme;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;

/**
 * The colour theme of every SealDrop window. {@code sealdrop.css} contains the shared rules and uses
 * looked-up colours ({@code -sd-background}, {@code -sd-text}, {@code -sd-accent} and others) that
 * {@code theme-light.css} or {@code theme-dark.css} defines. Windows and dialogs register here through
 * {@link #apply(Scene)} or {@link #apply(DialogPane)}, and a new choice restyles all of them at once.
 *
 * <p>Call every method on the JavaFX application thread. Registered stylesheet lists are held weakly,
 * so a closed window is not kept alive.
 */
public final class UiTheme {

    private static final String BASE_STYLESHEET = "sealdrop.css";

    private static final ReadOnlyObjectWrapper<Theme> THEME = new ReadOnlyObjectWrapper<>();
    private static final List<WeakReference<ObservableList<String>>> STYLED = new ArrayList<>();
    private static UiPreferences preferences = UiPreferences.inMemory();
    private static SystemTheme system = SystemTheme.ofThisComputer();

    private UiTheme() {
    }

    /**
     * Uses {@code loaded} for the choice and for storing new choices, and restyles the windows
     * already registered. Called once at start, before the first window shows.
     */
    public static void load(UiPreferences loaded) {
        preferences = Objects.requireNonNull(loaded, "loaded");
        restyle();
    }

    /** Replaces the operating-system detection; tests pass one that does not run desktop commands. */
    static void useSystemTheme(SystemTheme detection) {
        system = detection;
        restyle();
    }

    /** Returns the choice the user made, {@link ThemeChoice#SYSTEM} by default. */
    public static ThemeChoice choice() {
        return preferences.theme();
    }

    /** Returns the theme shown now, which for {@link ThemeChoice#SYSTEM} is the one the desktop requests. */
    public static Theme theme() {
        if (THEME.get() == null) {
            THEME.set(preferences.theme().resolve(system));
        }
        return THEME.get();
    }

    /** Returns the theme shown now as a property, which changes when the user picks another. */
    public static ReadOnlyObjectProperty<Theme> themeProperty() {
        theme();
        return THEME.getReadOnlyProperty();
    }

    /** Stores {@code choice} in the UI preferences and restyles every registered window and dialog. */
    public static void choose(ThemeChoice choice) {
        preferences.setTheme(Objects.requireNonNull(choice, "choice"));
        restyle();
    }

    /** Switches to the opposite of the theme shown now and stores that as an explicit choice. */
    public static void toggle() {
        choose(theme().opposite() == Theme.DARK ? ThemeChoice.DARK : ThemeChoice.LIGHT);
    }

    /** Gives {@code scene} the SealDrop stylesheets in the current theme, now and after every change. */
    public static void apply(Scene scene) {
        register(scene.getStylesheets());
    }

    /**
     * Gives a dialog's pane the SealDrop stylesheets in the current theme. A dialog is a window of its
     * own and does not take the stylesheets of its owner's scene.
     */
    public static void apply(DialogPane pane) {
        register(pane.getStylesheets());
    }

    /** Returns the external form of a stylesheet next to this class's {@code sealdrop.css}. */
    public static String stylesheetUrl(String name) {
        return Objects.requireNonNull(UiTheme.class.getResource("/org/sealdrop/ui/" + name),
                "missing stylesheet " + name).toExternalForm();
    }

    private static void register(ObservableList<String> stylesheets) {
        for (WeakReference<ObservableList<String>> held : STYLED) {
            if (held.get() == stylesheets) {
                style(stylesheets);
                return;
            }
        }
        STYLED.add(new WeakReference<>(stylesheets));
        style(stylesheets);
    }

    private static void restyle() {
        THEME.set(preferences.theme().resolve(system));
        Iterator<WeakReference<ObservableList<String>>> held = STYLED.iterator();
        while (held.hasNext()) {
            ObservableList<String> stylesheets = held.next().get();
            if (stylesheets == null) {
                held.remove();
            } else {
                style(stylesheets);
            }
        }
    }

    /** Puts the base stylesheet first and the current theme's after it, and removes the other theme's. */
    private static void style(ObservableList<String> stylesheets) {
        String base = stylesheetUrl(BASE_STYLESHEET);
        String wanted = stylesheetUrl(theme().stylesheet());
        List<String> others = new ArrayList<>(stylesheets);
        for (Theme each : Theme.values()) {
            others.remove(stylesheetUrl(each.stylesheet()));
        }
        others.remove(base);
        List<String> styled = new ArrayList<>();
        styled.add(base);
        styled.add(wanted);
        styled.addAll(others);
        if (!styled.equals(stylesheets)) {
            stylesheets.setAll(styled);
        }
    }
}
