package org.sealdrop.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing text of the window, from {@code org/sealdrop/ui/messages.properties}.
 *
 * <p>Every value goes through {@link MessageFormat}, so an apostrophe in the bundle is written
 * {@code ''} and {@code {0}} is the first argument.
 */
public final class Messages {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("org.sealdrop.ui.messages", Locale.ENGLISH);

    private Messages() {
    }

    /**
     * Formats the text stored under {@code key}.
     *
     * @throws MissingResourceException if the bundle has no such key
     */
    public static String text(String key, Object... arguments) {
        return new MessageFormat(BUNDLE.getString(key), Locale.ENGLISH).format(arguments);
    }

    /** Tells whether the bundle has text for {@code key}. */
    public static boolean has(String key) {
        return BUNDLE.containsKey(key);
    }
}
