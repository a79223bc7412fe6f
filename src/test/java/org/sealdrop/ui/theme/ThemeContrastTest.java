package org.sealdrop.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Contrast of the theme colours, computed from the CSS values as WCAG 2.1 defines it: relative
 * luminance of sRGB colours and (L1 + 0.05) / (L2 + 0.05). Text needs 4.5:1 (AA for normal text), the
 * focus ring and the drop zone's border 3:1 (non-text contrast).
 */
class ThemeContrastTest {

    private static final double TEXT = 4.5;
    private static final double NON_TEXT = 3.0;

    /** Foreground, background and the ratio each pair needs; every pair the shared rules draw. */
    private static final List<Object[]> PAIRS = List.of(
            new Object[] {"-sd-text", "-sd-background", TEXT},
            new Object[] {"-sd-text", "-sd-surface", TEXT},
            new Object[] {"-sd-text", "-sd-surface-alt", TEXT},
            new Object[] {"-sd-text", "-sd-bar", TEXT},
            new Object[] {"-sd-text", "-sd-drop-background", TEXT},
            new Object[] {"-sd-text", "-sd-drop-active", TEXT},
            new Object[] {"-sd-text", "-sd-notice-background", TEXT},
            new Object[] {"-sd-text", "-sd-selection-unfocused", TEXT},
            new Object[] {"-sd-text-secondary", "-sd-background", TEXT},
            new Object[] {"-sd-text-secondary", "-sd-surface", TEXT},
            new Object[] {"-sd-text-secondary", "-sd-bar", TEXT},
            new Object[] {"-sd-control-text", "-sd-control", TEXT},
            new Object[] {"-sd-control-text", "-sd-default-button", TEXT},
            new Object[] {"-sd-on-accent", "-sd-accent", TEXT},
            new Object[] {"-sd-problem", "-sd-background", TEXT},
            new Object[] {"-sd-problem", "-sd-bar", TEXT},
            new Object[] {"-sd-success", "-sd-background", TEXT},
            new Object[] {"-sd-locked", "-sd-surface", TEXT},
            new Object[] {"-sd-focus", "-sd-background", NON_TEXT},
            new Object[] {"-sd-focus", "-sd-surface", NON_TEXT},
            new Object[] {"-sd-drop-border", "-sd-drop-background", NON_TEXT});

    @ParameterizedTest
    @EnumSource(Theme.class)
    void pairsMeetWcagAa(Theme theme) throws IOException {
        Map<String, String> colours = StylesheetFiles.colours(theme);
        List<String> failing = new ArrayList<>();
        for (Object[] pair : PAIRS) {
            String foreground = colours.get((String) pair[0]);
            String background = colours.get((String) pair[1]);
            assertTrue(foreground != null, theme + " defines " + pair[0]);
            assertTrue(background != null, theme + " defines " + pair[1]);
            double ratio = contrast(foreground, background);
            if (ratio < (double) pair[2]) {
                failing.add(String.format("%s %s on %s %s: %.2f:1, needs %.1f:1", pair[0], foreground, pair[1],
                        background, ratio, (double) pair[2]));
            }
        }
        assertEquals(List.of(), failing, theme + " colour pairs below WCAG AA");
    }

    @Test
    void themesDefineEveryColourUsed() throws IOException {
        TreeSet<String> used = new TreeSet<>();
        Matcher matcher = Pattern.compile("(-sd-[a-z-]+)").matcher(StylesheetFiles.rules("sealdrop.css"));
        while (matcher.find()) {
            used.add(matcher.group(1));
        }
        assertTrue(used.size() >= 10, "sealdrop.css looks up its colours: " + used);
        for (Theme theme : Theme.values()) {
            TreeSet<String> missing = new TreeSet<>(used);
            missing.removeAll(StylesheetFiles.colours(theme).keySet());
            // The faint focus halo has an alpha channel, so it is not a plain #rrggbb value.
            missing.remove("-sd-faint-focus");
            assertEquals(new TreeSet<>(), missing, theme.stylesheet() + " lacks colours that sealdrop.css uses");
        }
        assertEquals(StylesheetFiles.colours(Theme.LIGHT).keySet(), StylesheetFiles.colours(Theme.DARK).keySet(),
                "both themes define the same colours");
    }

    @Test
    void contrastFormulaMatchesKnownValues() {
        assertEquals(21.0, contrast("#000000", "#ffffff"), 0.01);
        assertEquals(1.0, contrast("#777777", "#777777"), 0.001);
        // #767676 on white is the lightest grey that passes AA, at 4.54:1.
        assertEquals(4.54, contrast("#767676", "#ffffff"), 0.01);
    }

    /** Returns the WCAG contrast ratio of two {@code #rrggbb} colours, at least 1. */
    static double contrast(String first, String second) {
        double a = luminance(first);
        double b = luminance(second);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
