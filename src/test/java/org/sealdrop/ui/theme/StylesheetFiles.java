package org.sealdrop.ui.theme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the window's stylesheets from {@code src/main/resources/org/sealdrop/ui} as text. */
final class StylesheetFiles {

    static final Path FOLDER = Path.of("src", "main", "resources", "org", "sealdrop", "ui");

    private static final Pattern COLOUR = Pattern.compile("(-sd-[a-z-]+)\\s*:\\s*(#[0-9a-fA-F]{6})\\s*;");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);

    private StylesheetFiles() {
    }

    /** Returns every {@code .css} file of the window. */
    static List<Path> all() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(file -> file.toString().endsWith(".css")).sorted().toList();
        }
    }

    /** Returns the text of {@code name} without its comments. */
    static String rules(String name) throws IOException {
        return rules(FOLDER.resolve(name));
    }

    static String rules(Path file) throws IOException {
        return COMMENT.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll("");
    }

    /** Returns the {@code -sd-*} colours that a theme file defines as {@code #rrggbb}, by name. */
    static Map<String, String> colours(Theme theme) throws IOException {
        Map<String, String> colours = new LinkedHashMap<>();
        Matcher matcher = COLOUR.matcher(rules(theme.stylesheet()));
        while (matcher.find()) {
            colours.put(matcher.group(1), matcher.group(2));
        }
        return colours;
    }
}
