package org.sealdrop.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Rules that keep the stylesheets following the system text size and the theme. Font sizes are in em
 * or percent, because px and pt ignore the default font size that the operating system sets. The
 * shared rules contain no literal colour.
 */
class StylesheetRulesTest {

    private static final Pattern FONT_SIZE = Pattern.compile("-fx-font(?:-size)?\\s*:\\s*([^;]+);");
    private static final Pattern ABSOLUTE = Pattern.compile("\\d(?:px|pt)\\b");
    private static final Pattern LITERAL_COLOUR = Pattern.compile("#[0-9a-fA-F]{3,8}\\b|\\brgba?\\(\\s*\\d+\\s*,\\s*\\d+\\s*,\\s*\\d+\\s*[,)]");

    @Test
    void fontSizesAreRelative() throws IOException {
        List<Path> files = StylesheetFiles.all();
        assertTrue(files.size() >= 3, "stylesheets found: " + files);
        List<String> absolute = new ArrayList<>();
        for (Path file : files) {
            Matcher matcher = FONT_SIZE.matcher(StylesheetFiles.rules(file));
            while (matcher.find()) {
                if (ABSOLUTE.matcher(matcher.group(1)).find()) {
                    absolute.add(file.getFileName() + ": " + matcher.group().trim());
                }
            }
        }
        assertEquals(List.of(), absolute, "font sizes in px or pt; use em");
    }

    @Test
    void sharedRulesLookColoursUp() throws IOException {
        List<String> literal = new ArrayList<>();
        for (String line : StylesheetFiles.rules("sealdrop.css").split("\n")) {
            // A drop shadow is black with some alpha in either theme.
            if (LITERAL_COLOUR.matcher(line).find() && !line.contains("dropshadow")) {
                literal.add(line.trim());
            }
        }
        assertEquals(List.of(), literal, "sealdrop.css lines with a literal colour; define it in both theme files");
    }

    @Test
    void scanFindsPixelFontSize() {
        Matcher matcher = FONT_SIZE.matcher(".x { -fx-font-size: 14px; }");
        assertTrue(matcher.find(), "the scan finds the font size");
        assertTrue(ABSOLUTE.matcher(matcher.group(1)).find(), "the scan catches px");
    }
}
