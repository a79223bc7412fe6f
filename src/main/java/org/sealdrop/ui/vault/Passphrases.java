package org.sealdrop.ui.vault;

import java.util.Arrays;
import javafx.scene.control.PasswordField;

/** Moves a typed passphrase out of a field into a {@code char[]} that the caller wipes. */
final class Passphrases {

    private Passphrases() {
    }

    /**
     * Copies the field's characters without building a {@code String}, then clears the field.
     *
     * <p>NOTE: JavaFX keeps the typed characters in its own buffer, which clearing shortens but may
     * not overwrite, so a copy can stay in the heap until it is reused or collected.
     */
    static char[] take(PasswordField field) {
        char[] passphrase = copy(field);
        field.clear();
        return passphrase;
    }

    /** Copies the field's characters without building a {@code String}, and leaves the field as it is. */
    static char[] copy(PasswordField field) {
        CharSequence typed = field.getCharacters();
        char[] copy = new char[typed.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = typed.charAt(i);
        }
        return copy;
    }

    /** Compares two typed passphrases without building a {@code String}. */
    static boolean sameCharacters(CharSequence first, CharSequence second) {
        if (first.length() != second.length()) {
            return false;
        }
        int difference = 0;
        for (int i = 0; i < first.length(); i++) {
            difference |= first.charAt(i) ^ second.charAt(i);
        }
        return difference == 0;
    }

    static void wipe(char[] passphrase) {
        if (passphrase != null) {
            Arrays.fill(passphrase, '\0');
        }
    }
}
