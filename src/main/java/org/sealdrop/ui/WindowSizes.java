package org.sealdrop.ui;

import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;

/** Initial window sizes that fit the primary screen, so a window never opens taller than a laptop display. */
public final class WindowSizes {

    /** Share of the screen's usable area that a new window may take at most. */
    static final double MAX_SCREEN_SHARE = 0.9;

    private WindowSizes() {
    }

    /** Returns {@code width} × {@code height}, each reduced to 90 % of the primary screen's usable size. */
    public static Dimension2D fitToScreen(double width, double height) {
        Rectangle2D usable = Screen.getPrimary().getVisualBounds();
        return new Dimension2D(Math.min(width, usable.getWidth() * MAX_SCREEN_SHARE),
                Math.min(height, usable.getHeight() * MAX_SCREEN_SHARE));
    }
}
