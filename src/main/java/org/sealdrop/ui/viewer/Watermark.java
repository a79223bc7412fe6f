package org.sealdrop.ui.viewer;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Translate;

/**
 * Diagonal, semi-transparent lines of {@link WatermarkText} repeated over whatever lies below it. The
 * overlay takes no mouse or keyboard input, so its text cannot be selected. The content below it still
 * scrolls and selects as before, and the overlay has no control that removes it.
 *
 * <p>The lines are laid out again whenever the overlay's size changes, so they cover the whole area
 * at any zoom or window size. The text fill is a grey with 30 % opacity that reads on white pages and
 * on the dark theme alike; a theme may override it through the style class {@value #TEXT_STYLE_CLASS}.
 */
public final class Watermark extends Pane {

    /** Style class of each line of the watermark. */
    public static final String TEXT_STYLE_CLASS = "watermark-text";

    /** Angle of the lines, in degrees counterclockwise from the horizontal. */
    static final double ANGLE = 30;

    private static final Color FILL = Color.rgb(128, 128, 128, 0.30);
    private static final double FONT_SIZE = 15;
    private static final double LINE_GAP = 120;
    private static final double TEXT_GAP = 60;

    private final String text;
    private double laidOutWidth = -1;
    private double laidOutHeight = -1;

    public Watermark(WatermarkText text) {
        this.text = text.text();
        setId("watermark");
        getStyleClass().add("watermark");
        setMouseTransparent(true);
        setFocusTraversable(false);
        setPickOnBounds(false);
        // A screen reader names the overlay by its line once, instead of by each repeated copy.
        setAccessibleText(this.text);
    }

    /** Returns {@code content} with a watermark of {@code text} layered over it in a stack. */
    public static StackPane over(Node content, WatermarkText text) {
        StackPane stack = new StackPane(content, new Watermark(text));
        stack.getStyleClass().add("watermarked");
        return stack;
    }

    /** Returns the line that the overlay repeats. */
    public String text() {
        return text;
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        if (width == laidOutWidth && height == laidOutHeight) {
            return;
        }
        laidOutWidth = width;
        laidOutHeight = height;
        fill(width, height);
    }

    /**
     * Covers a {@code width} × {@code height} area with rotated lines: a grid of lines as wide and as
     * high as the area's diagonal, turned by {@link #ANGLE} around the area's centre, so no corner stays bare.
     */
    private void fill(double width, double height) {
        getChildren().clear();
        if (width <= 0 || height <= 0) {
            return;
        }
        setClip(new Rectangle(width, height));

        double lineWidth = line().getLayoutBounds().getWidth() + TEXT_GAP;
        double half = Math.hypot(width, height) / 2;
        Group grid = new Group();
        int row = 0;
        for (double y = -half; y <= half; y += LINE_GAP, row++) {
            // Every other row is shifted by half a line, so the words do not form columns.
            double shift = (row % 2) * lineWidth / 2;
            for (double x = -half - shift; x <= half; x += lineWidth) {
                Text line = line();
                line.relocate(x, y);
                grid.getChildren().add(line);
            }
        }
        grid.setManaged(false);
        grid.getTransforms().addAll(new Translate(width / 2, height / 2), new Rotate(-ANGLE));
        getChildren().add(grid);
    }

    private Text line() {
        Text line = new Text(text);
        line.getStyleClass().add(TEXT_STYLE_CLASS);
        line.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, FONT_SIZE));
        line.setFill(FILL);
        line.setMouseTransparent(true);
        return line;
    }
}
