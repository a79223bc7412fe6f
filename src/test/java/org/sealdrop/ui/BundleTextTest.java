package org.sealdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text the window shows comes from {@code messages*.properties}: no string literal reaches a
 * text setter or a control's constructor in {@code org.sealdrop.ui}, every key the code names exists,
 * and every key in the bundle is used. Keys built at run time count by their literal parts: a literal
 * ending in a dot is a prefix ({@code "error." + code}), one starting with a dot after a {@code +} is a
 * suffix of another literal ({@code key + ".accessible"}).
 */
class BundleTextTest {

    private static final Path MAIN = Path.of("src", "main", "java", "org", "sealdrop");
    private static final Path UI = MAIN.resolve("ui");
    private static final Path BUNDLES = Path.of("src", "main", "resources", "org", "sealdrop", "ui");

    private static final String LITERAL = "\"((?:[^\"\\\\\\n]|\\\\.)*)\"";
    private static final Pattern TEXT_CALL = Pattern.compile("\\b(setText|setPromptText|setTooltip|setTitle"
            + "|setAccessibleText|setAccessibleHelp|setHeaderText|setContentText)\\s*\\(\\s*" + LITERAL);
    private static final Pattern TEXT_CONSTRUCTOR = Pattern.compile("\\bnew\\s+(Label|Button|Tooltip|Hyperlink"
            + "|CheckBox|RadioButton|ToggleButton|MenuItem|Menu|TitledPane|Tab|ButtonType|TableColumn(?:<[^>]*>)?"
            + "|Text)\\s*\\(\\s*" + LITERAL);
    private static final Pattern ANY_LITERAL = Pattern.compile(LITERAL);
    private static final Pattern SUFFIX = Pattern.compile("\\+\\s*\"(\\.[A-Za-z0-9_.-]+)\"");
    private static final Pattern KEY_SHAPE = Pattern.compile("[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9_-]+)+");
    // A // inside a literal, as in "https://", is no comment, so only whole-line and end-of-statement ones count.
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|(?m)^\\s*//[^\\n]*|(?<=[;{})])\\s*//[^\\n]*",
            Pattern.DOTALL);

    @Test
    void noLiteralTextInUi() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles(UI)) {
            String code = code(file);
            for (Pattern pattern : List.of(TEXT_CALL, TEXT_CONSTRUCTOR)) {
                Matcher matcher = pattern.matcher(code);
                while (matcher.find()) {
                    if (!matcher.group(2).isEmpty()) {
                        found.add(UI.relativize(file) + ": " + matcher.group());
                    }
                }
            }
        }
        assertEquals(List.of(), found, "user-facing text not from the bundle; add a key and use Messages.text");
    }

    @Test
    void keysInCodeExist() throws IOException {
        Set<String> keys = bundleKeys();
        Set<String> namespaces = new HashSet<>();
        keys.forEach(key -> namespaces.add(key.substring(0, key.indexOf('.') + 1)));

        TreeSet<String> missing = new TreeSet<>();
        for (Path file : javaFiles(MAIN)) {
            Matcher matcher = ANY_LITERAL.matcher(code(file));
            while (matcher.find()) {
                String literal = matcher.group(1);
                // A file name such as settings.json has the shape of a key in the settings namespace.
                boolean fileName = literal.matches(".*\\.(json|properties|css|db|log|png|txt)");
                boolean looksLikeKey = KEY_SHAPE.matcher(literal).matches() && !fileName
                        && namespaces.contains(literal.substring(0, literal.indexOf('.') + 1));
                if (looksLikeKey && !keys.contains(literal) && !isPrefixOfKey(literal, keys)) {
                    missing.add(MAIN.relativize(file) + ": " + literal);
                }
            }
        }
        assertEquals(new TreeSet<>(), missing, "keys named in code but missing from messages.properties");
    }

    @Test
    void everyBundleKeyUsed() throws IOException {
        Set<String> literals = new HashSet<>();
        Set<String> suffixes = new HashSet<>();
        for (Path file : javaFiles(MAIN)) {
            String code = code(file);
            Matcher literal = ANY_LITERAL.matcher(code);
            while (literal.find()) {
                literals.add(literal.group(1));
            }
            Matcher suffix = SUFFIX.matcher(code);
            while (suffix.find()) {
                suffixes.add(suffix.group(1));
            }
        }

        TreeSet<String> unused = new TreeSet<>();
        for (String key : bundleKeys()) {
            if (!isUsed(key, literals, suffixes)) {
                unused.add(key);
            }
        }
        assertEquals(new TreeSet<>(), unused, "keys in messages.properties that no code uses; remove them");
    }

    @Test
    void scanCatchesLiteralText() {
        assertTrue(TEXT_CALL.matcher("label.setText(\"Hello\");").find());
        assertTrue(TEXT_CONSTRUCTOR.matcher("new Button(\"OK\")").find());
        assertTrue(TEXT_CONSTRUCTOR.matcher("new TableColumn<Row, String>(\"Name\")").find());
    }

    private static boolean isUsed(String key, Set<String> literals, Set<String> suffixes) {
        if (literals.contains(key)) {
            return true;
        }
        for (String literal : literals) {
            if (literal.endsWith(".") && literal.length() > 1 && key.startsWith(literal)) {
                return true;
            }
        }
        for (String suffix : suffixes) {
            if (key.endsWith(suffix) && literals.contains(key.substring(0, key.length() - suffix.length()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPrefixOfKey(String literal, Set<String> keys) {
        return keys.stream().anyMatch(key -> key.startsWith(literal + "."));
    }

    private static Set<String> bundleKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path bundle : files.filter(file -> file.getFileName().toString().matches("messages.*\\.properties"))
                    .toList()) {
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                keys.addAll(properties.stringPropertyNames());
            }
        }
        assertTrue(keys.size() > 50, "bundle keys read: " + keys.size());
        return keys;
    }

    private static List<Path> javaFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** Returns the source without comments, which may quote texts. */
    private static String code(Path file) throws IOException {
        return COMMENT.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll("");
    }
}
