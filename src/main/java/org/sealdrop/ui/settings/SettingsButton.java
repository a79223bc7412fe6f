package org.sealdrop.ui.settings;

import javafx.event.Event;
import javafx.event.EventType;
import javafx.scene.control.Button;
import org.sealdrop.ui.Messages;

/**
 * The Settings button of the documents view. It only fires {@link #OPEN_REQUEST}, which bubbles up
 * to the main window; the main window owns the services and opens the Settings window, so the view
 * that shows the button needs no settings services.
 */
public final class SettingsButton {

    /** Event type of a request to open the Settings window. */
    public static final EventType<Event> OPEN_REQUEST = new EventType<>(Event.ANY, "SEALDROP_OPEN_SETTINGS");

    private SettingsButton() {
    }

    /** Creates the button, with the id {@code settingsButton}. */
    public static Button create() {
        Button button = new Button(Messages.text("settings.button"));
        button.setId("settingsButton");
        button.setAccessibleText(Messages.text("settings.button.accessible"));
        button.setOnAction(event -> button.fireEvent(new Event(OPEN_REQUEST)));
        return button;
    }
}
