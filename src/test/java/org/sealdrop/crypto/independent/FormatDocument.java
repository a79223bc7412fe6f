package org.sealdrop.crypto.independent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test vector blocks of docs/FORMAT.md, parsed as the page describes them: one {@code field: value}
 * per line, hex fields continued on indented lines. Maven runs tests in the project folder, so the
 * relative path works.
 */
final class FormatDocument {

    static final Path PATH = Path.of("docs/FORMAT.md");

    private static final Pattern OBJECT_VECTOR = Pattern.compile("```text\\n(vector: .*?)```", Pattern.DOTALL);
    private static final Pattern WRAP_VECTOR = Pattern.compile("```text\\n(wrap-vector: .*?)```", Pattern.DOTALL);

    private FormatDocument() {
    }

    static String read() {
        try {
            return Files.readString(PATH, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns each object vector as field name to value, continuation lines joined. */
    static List<Map<String, String>> objectVectors(String markdown) {
        return blocks(markdown, OBJECT_VECTOR);
    }

    static List<Map<String, String>> wrapVectors(String markdown) {
        return blocks(markdown, WRAP_VECTOR);
    }

    private static List<Map<String, String>> blocks(String markdown, Pattern block) {
        List<Map<String, String>> vectors = new ArrayList<>();
        Matcher matcher = block.matcher(markdown);
        while (matcher.find()) {
            Map<String, String> fields = new LinkedHashMap<>();
            String field = null;
            for (String line : matcher.group(1).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                if (line.startsWith("  ")) {
                    fields.merge(field, line.strip(), String::concat);
                    continue;
                }
                int colon = line.indexOf(':');
                field = line.substring(0, colon);
                fields.put(field, line.substring(colon + 1).strip());
            }
            vectors.add(fields);
        }
        return vectors;
    }
}
