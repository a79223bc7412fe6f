package org.sealdrop.ui;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.image.ImageView;
import org.sealdrop.ui.theme.UiTheme;

/**
 * Readies an {@link Alert} the way every SealDrop dialog needs: the current colour theme and an
 * accessible name for the icon that Modena draws in its header ("Error", "Warning" and so on), which
 * a screen reader would otherwise announce as an unnamed image.
 */
public final class Dialogs {

    private Dialogs() {
    }

    /** Applies the theme now and names the header icon once the dialog shows; call before {@code show()}. */
    public static void prepare(Alert alert) {
        UiTheme.apply(alert.getDialogPane());
        String iconName = Messages.text("dialog.icon." + alert.getAlertType().name());
        alert.setOnShown(event -> {
            for (Node image : alert.getDialogPane().lookupAll(".image-view")) {
                if (image instanceof ImageView && image.getAccessibleText() == null) {
                    image.setAccessibleText(iconName);
                }
            }
        });
    }

}
