package org.sealdrop.ui.theme;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detects whether the operating system requests dark windows. JavaFX 21 has no API for it, so this
 * queries the desktop the way its own tools do, each with a short time-out, and falls back to light:
 *
 * <ul>
 *   <li>Linux: the {@code GTK_THEME} variable ending in {@code :dark}, else GNOME's
 *       {@code color-scheme} setting through {@code gsettings};
 *   <li>Windows: the {@code AppsUseLightTheme} registry value through {@code reg query};
 *   <li>macOS: {@code defaults read -g AppleInterfaceStyle}, which prints {@code Dark} in dark mode.
 * </ul>
 */
public final class SystemTheme {

    private static final Logger LOG = LoggerFactory.getLogger(SystemTheme.class);

    /** Time a desktop command gets before the detection gives up and picks light. */
    static final Duration COMMAND_TIMEOUT = Duration.ofMillis(1500);

    private final String osName;
    private final Map<String, String> environment;
    private final Function<List<String>, Optional<String>> commands;

    /**
     * @param commands runs a command and returns what it printed, or empty when it failed, was
     *     missing or timed out
     */
    SystemTheme(String osName, Map<String, String> environment, Function<List<String>, Optional<String>> commands) {
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.environment = environment;
        this.commands = commands;
    }

    /** Returns the detection for this computer, which runs the desktop's commands as processes. */
    public static SystemTheme ofThisComputer() {
        return new SystemTheme(System.getProperty("os.name", ""), System.getenv(), SystemTheme::runCommand);
    }

    /** Returns {@link Theme#DARK} when the desktop requests dark windows, otherwise {@link Theme#LIGHT}. */
    public Theme detect() {
        if (osName.startsWith("windows")) {
            return windows();
        }
        if (osName.startsWith("mac")) {
            return commands.apply(List.of("defaults", "read", "-g", "AppleInterfaceStyle"))
                    .filter(output -> output.trim().equalsIgnoreCase("dark"))
                    .map(output -> Theme.DARK).orElse(Theme.LIGHT);
        }
        return gtk();
    }

    private Theme gtk() {
        String gtkTheme = environment.getOrDefault("GTK_THEME", "");
        if (gtkTheme.toLowerCase(Locale.ROOT).endsWith(":dark")) {
            return Theme.DARK;
        }
        return commands.apply(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"))
                .filter(output -> output.contains("prefer-dark"))
                .map(output -> Theme.DARK).orElse(Theme.LIGHT);
    }

    /** Reads {@code AppsUseLightTheme}, which is {@code 0x0} when apps should be dark. */
    private Theme windows() {
        return commands.apply(List.of("reg", "query",
                        "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                        "/v", "AppsUseLightTheme"))
                .filter(output -> output.matches("(?s).*AppsUseLightTheme\\s+REG_DWORD\\s+0x0+\\s.*"))
                .map(output -> Theme.DARK).orElse(Theme.LIGHT);
    }

    private static Optional<String> runCommand(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                LOG.info("{} did not finish within {} ms; using the light theme", command.get(0),
                        COMMAND_TIMEOUT.toMillis());
                return Optional.empty();
            }
            try (InputStream output = process.getInputStream()) {
                String printed = new String(output.readNBytes(4096), StandardCharsets.UTF_8);
                return process.exitValue() == 0 ? Optional.of(printed + "\n") : Optional.empty();
            }
        } catch (IOException e) {
            // The command is missing on this desktop, which is common (no GNOME, no gsettings).
            LOG.debug("{} could not run ({}); using the light theme", command.get(0), e.getClass().getName());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
