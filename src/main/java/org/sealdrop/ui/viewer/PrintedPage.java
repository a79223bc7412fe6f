package org.sealdrop.ui.viewer;

import java.awt.image.BufferedImage;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;

/** One page as the printer receives it: the rendered page fitted to the printable area, under the watermark. */
final class PrintedPage {

    /** Style class of the page node, so tests can find the rendered image and the watermark in it. */
    static final String STYLE_CLASS = "printed-page";

    private PrintedPage() {
    }

    /**
     * Builds and lays out the page node outside any scene; callable off the application thread.
     *
     * @param width printable width in points
     * @param height printable height in points
     */
    static Node of(BufferedImage rendered, double width, double height, WatermarkText watermark) {
        ImageView image = new ImageView(FxImages.toFxImage(rendered));
        image.setPreserveRatio(true);
        image.setSmooth(true);
        image.setFitWidth(width);
        image.setFitHeight(height);

        StackPane page = new StackPane(image, new Watermark(watermark));
        page.getStyleClass().add(STYLE_CLASS);
        // The print job may size the node to its preferred size, which without these would be the image's
        // size, so the watermark would cover only the image and not the blank paper around it.
        page.setMinSize(width, height);
        page.setPrefSize(width, height);
        page.setMaxSize(width, height);
        page.resize(width, height);
        // A node outside a scene is never laid out by a pulse, so the printer would get no watermark lines.
        page.layout();
        return page;
    }
}
