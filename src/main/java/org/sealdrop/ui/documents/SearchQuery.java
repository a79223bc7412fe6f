package org.sealdrop.ui.documents;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sealdrop.app.DocumentSummary;

/**
 * A search typed above the document table: the words of the query, each of which must occur in a
 * row's name or patient reference (AND), ignoring case and accents.
 *
 * <p>Rows are matched against a {@linkplain #searchKey search key} computed once per row, so a
 * keystroke costs one {@code String.contains} per word and row and no I/O. The query is PHI when it
 * names a patient: it may be shown to the user, never logged.
 */
final class SearchQuery {

    private static final SearchQuery EMPTY = new SearchQuery(List.of());

    private final List<String> words;

    private SearchQuery(List<String> words) {
        this.words = words;
    }

    /** Splits {@code typed} into normalized words; blank or {@code null} text gives a query that matches every row. */
    static SearchQuery parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return EMPTY;
        }
        List<String> words = new ArrayList<>();
        for (String word : normalize(typed).split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return new SearchQuery(List.copyOf(words));
    }

    /** Tells whether the query has no words, so that it matches every row. */
    boolean isEmpty() {
        return words.isEmpty();
    }

    /** Tells whether every word of the query occurs in {@code searchKey}, as {@link #searchKey} computed it. */
    boolean matches(String searchKey) {
        for (String word : words) {
            if (!searchKey.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Computes the text a row is searched in: its name and patient reference, lower-case and without
     * accents, separated by a line break so that no word matches across the two.
     */
    static String searchKey(DocumentSummary document) {
        String name = document.name() == null ? "" : document.name();
        String reference = document.patientReference() == null ? "" : document.patientReference();
        return normalize(name + "\n" + reference);
    }

    /**
     * Lower-cases {@code text} and removes accents: the canonical decomposition (NFD) splits "é" into "e"
     * and a combining mark, which is then dropped. Pure ASCII text skips the decomposition.
     */
    static String normalize(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (isAscii(lower)) {
            return lower;
        }
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }
}
