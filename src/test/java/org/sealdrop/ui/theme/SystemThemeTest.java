package org.sealdrop.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** How the desktop's dark-mode setting is read on each operating system, with scripted command output. */
class SystemThemeTest {

    private final List<List<String>> ran = new ArrayList<>();

    @Test
    void gtkThemeVariableWins() {
        SystemTheme detection = new SystemTheme("Linux", Map.of("GTK_THEME", "Adwaita:dark"), printing("'default'"));
        assertEquals(Theme.DARK, detection.detect());
        assertEquals(List.of(), ran, "no command runs when GTK_THEME decides");
    }

    @Test
    void gnomeColorSchemePreferDark() {
        SystemTheme detection = new SystemTheme("Linux", Map.of(), printing("'prefer-dark'\n"));
        assertEquals(Theme.DARK, detection.detect());
        assertEquals(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"), ran.get(0));
    }

    @Test
    void gnomeDefaultIsLight() {
        assertEquals(Theme.LIGHT, new SystemTheme("Linux", Map.of(), printing("'default'\n")).detect());
    }

    @Test
    void missingCommandFallsBackToLight() {
        assertEquals(Theme.LIGHT, new SystemTheme("Linux", Map.of(), command -> Optional.empty()).detect());
        assertEquals(Theme.LIGHT, new SystemTheme("Windows 11", Map.of(), command -> Optional.empty()).detect());
        assertEquals(Theme.LIGHT, new SystemTheme("Mac OS X", Map.of(), command -> Optional.empty()).detect());
    }

    @Test
    void windowsAppsUseLightThemeZero() {
        String dark = "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize\r\n"
                + "    AppsUseLightTheme    REG_DWORD    0x0\r\n\r\n";
        assertEquals(Theme.DARK, new SystemTheme("Windows 10", Map.of(), printing(dark)).detect());
        assertEquals("reg", ran.get(0).get(0));
        assertEquals(Theme.LIGHT, new SystemTheme("Windows 10", Map.of(), printing(dark.replace("0x0", "0x1"))).detect());
    }

    @Test
    void macAppleInterfaceStyleDark() {
        assertEquals(Theme.DARK, new SystemTheme("Mac OS X", Map.of(), printing("Dark\n")).detect());
        assertEquals(List.of("defaults", "read", "-g", "AppleInterfaceStyle"), ran.get(0));
    }

    @Test
    void choiceResolvesAgainstSystem() {
        SystemTheme dark = new SystemTheme("Linux", Map.of("GTK_THEME", "Adwaita:dark"), printing(""));
        assertEquals(Theme.DARK, ThemeChoice.SYSTEM.resolve(dark));
        assertEquals(Theme.LIGHT, ThemeChoice.LIGHT.resolve(dark));
        assertEquals(Theme.DARK, ThemeChoice.DARK.resolve(new SystemTheme("Linux", Map.of(), printing(""))));
    }

    private Function<List<String>, Optional<String>> printing(String output) {
        return command -> {
            ran.add(command);
            return Optional.of(output);
        };
    }
}
