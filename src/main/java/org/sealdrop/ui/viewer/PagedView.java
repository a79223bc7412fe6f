package org.sealdrop.ui.viewer;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.sealdrop.ui.Messages;
import org.sealdrop.viewer.PageRenderer;
import org.sealdrop.viewer.PageSize;
import org.sealdrop.viewer.RenderedPage;

/**
 * Pages of a PDF or frames of an image, one at a time, with zoom, fitting, rotation and thumbnails.
 * Every page is rendered on the window's {@link RenderQueue}; a result that arrives after the user
 * moved on is dropped.
 */
final class PagedView {

    /** Pixels one arrow key press scrolls. */
    private static final double ARROW_STEP = 40;
    /**
     * Width kept free for the vertical scroll bar when fitting to width, because the fitted page is
     * usually taller than the window. NOTE: this is about the width of a Modena scroll bar at the
     * default font size, so a much larger OS text scale may still show a horizontal scroll bar.
     */
    private static final double SCROLL_BAR_ALLOWANCE = 18;
    /** Pixels kept free so that rounding the rendered size up never adds a scroll bar. */
    private static final double FIT_SLACK = 2;

    private final PageRenderer renderer;
    private final RenderQueue queue;
    private final Consumer<Throwable> onFailure;
    private final int pageCount;
    private final ZoomState zoom;
    private final ReadOnlyIntegerWrapper pageIndex = new ReadOnlyIntegerWrapper(this, "pageIndex", 0);
    private final BooleanProperty thumbnailsShown = new SimpleBooleanProperty(this, "thumbnailsShown", false);
    private float shownZoom;
    private long generation;

    private final ImageView image = new ImageView();
    private final ProgressIndicator rendering = new ProgressIndicator();
    private final Label reducedNote = new Label();
    private final StackPane pageArea;
    private final ScrollPane pages;
    private final BorderPane view = new BorderPane();
    private final ThumbnailStrip thumbnails;
    private final PageToolbar toolbar;

    /** @param initialZoom the fixed zoom to start with, such as 1.0 */
    PagedView(PageRenderer renderer, float initialZoom, RenderQueue queue, Consumer<Throwable> onFailure) {
        this.renderer = renderer;
        this.queue = queue;
        this.onFailure = onFailure;
        this.pageCount = renderer.pageCount();
        this.zoom = new ZoomState(initialZoom);
        this.shownZoom = initialZoom;

        image.setId("pageImage");
        image.setAccessibleText(Messages.text("viewer.page.accessible"));
        rendering.setId("pageRendering");
        rendering.setMaxSize(48, 48);
        rendering.setAccessibleText(Messages.text("viewer.rendering.accessible"));
        pageArea = new StackPane(image, rendering);
        pageArea.getStyleClass().add("page-area");
        pages = new ScrollPane(pageArea);
        pages.setId("pageScroll");
        pages.setFitToWidth(true);
        pages.setFitToHeight(true);
        pages.setPannable(true);
        // Fitting follows the window: the size of the scroll pane, not its viewport, so that a scroll
        // bar appearing for the fitted page does not start another fit.
        pages.widthProperty().addListener((observable, was, is) -> refitIfFitting());
        pages.heightProperty().addListener((observable, was, is) -> refitIfFitting());

        reducedNote.setId("reducedResolutionNote");
        reducedNote.getStyleClass().add("viewer-note");
        reducedNote.setWrapText(true);
        reducedNote.setVisible(false);
        reducedNote.managedProperty().bind(reducedNote.visibleProperty());

        thumbnails = new ThumbnailStrip(renderer, queue, this::showPage, onFailure);
        thumbnailsShown.addListener((observable, was, is) -> view.setLeft(is ? thumbnails.node() : null));
        toolbar = new PageToolbar(this, pageCount);
        view.setTop(reducedNote);
        view.setCenter(pages);
    }

    /** The page area: the scrollable page, the reduced-resolution note and the thumbnails when shown. */
    Node pages() {
        return view;
    }

    /**
     * Puts {@code cover} over the scrollable page, such as the watermark, so that it stays on screen
     * while the page scrolls and leaves the note and the thumbnails free.
     */
    void coverPage(UnaryOperator<Node> cover) {
        view.setCenter(cover.apply(pages));
    }

    /** Page, zoom, fit, rotate and thumbnail controls, for the window's toolbar. */
    Node controls() {
        return toolbar.node();
    }

    /** Zero-based index of the page shown or being rendered. */
    int pageIndex() {
        return pageIndex.get();
    }

    ReadOnlyIntegerProperty pageIndexProperty() {
        return pageIndex.getReadOnlyProperty();
    }

    int pageCount() {
        return pageCount;
    }

    ZoomState.Mode zoomMode() {
        return zoom.mode();
    }

    BooleanProperty thumbnailsShownProperty() {
        return thumbnailsShown;
    }

    void showPage(int index) {
        pageIndex.set(Math.max(0, Math.min(pageCount - 1, index)));
        thumbnails.select(pageIndex.get());
        pages.setVvalue(pages.getVmin());
        render();
    }

    void nextPage() {
        showPage(pageIndex() + 1);
    }

    void previousPage() {
        showPage(pageIndex() - 1);
    }

    void firstPage() {
        showPage(0);
    }

    void lastPage() {
        showPage(pageCount - 1);
    }

    void zoomIn() {
        zoom.zoomIn(shownZoom);
        render();
    }

    void zoomOut() {
        zoom.zoomOut(shownZoom);
        render();
    }

    void actualSize() {
        zoom.setZoom(1f);
        render();
    }

    void fitWidth() {
        zoom.fitWidth();
        render();
    }

    void fitPage() {
        zoom.fitPage();
        render();
    }

    void rotateClockwise() {
        zoom.rotateClockwise();
        thumbnails.setQuarterTurns(zoom.quarterTurns());
        render();
    }

    void rotateCounterclockwise() {
        zoom.rotateCounterclockwise();
        thumbnails.setQuarterTurns(zoom.quarterTurns());
        render();
    }

    /**
     * Scrolls the page by one arrow step, or turns to the next or previous page when the page is
     * already scrolled to its end in that direction (or not scrollable at all).
     *
     * @param forward true for Down and Right, false for Up and Left
     * @param vertical true for Up and Down
     */
    void scrollOrTurn(boolean forward, boolean vertical) {
        Bounds viewport = pages.getViewportBounds();
        Bounds content = pages.getContent().getLayoutBounds();
        double hidden = vertical ? content.getHeight() - viewport.getHeight() : content.getWidth() - viewport.getWidth();
        double value = vertical ? pages.getVvalue() : pages.getHvalue();
        double end;
        if (vertical) {
            end = forward ? pages.getVmax() : pages.getVmin();
        } else {
            end = forward ? pages.getHmax() : pages.getHmin();
        }
        if (hidden <= 1 || Math.abs(value - end) < 1e-6) {
            int before = pageIndex();
            if (forward) {
                nextPage();
            } else if (before > 0) {
                previousPage();
                // Coming back from the next page lands at the end of this one, as a reader expects.
                pages.setVvalue(vertical ? pages.getVmax() : pages.getVmin());
            }
            return;
        }
        double step = ARROW_STEP / hidden * (forward ? 1 : -1);
        if (vertical) {
            pages.setVvalue(Math.max(pages.getVmin(), Math.min(pages.getVmax(), value + step)));
        } else {
            pages.setHvalue(Math.max(pages.getHmin(), Math.min(pages.getHmax(), value + step)));
        }
    }

    private void refitIfFitting() {
        if (zoom.mode() != ZoomState.Mode.FIXED) {
            render();
        }
    }

    private void render() {
        long requested = ++generation;
        int index = pageIndex();
        ZoomState state = zoom.copy();
        Insets frame = pages.getInsets();
        Insets padding = pageArea.getPadding();
        double width = pages.getWidth() - frame.getLeft() - frame.getRight() - padding.getLeft() - padding.getRight()
                - FIT_SLACK - (zoom.mode() == ZoomState.Mode.FIT_WIDTH ? SCROLL_BAR_ALLOWANCE : 0);
        double height = pages.getHeight() - frame.getTop() - frame.getBottom() - padding.getTop()
                - padding.getBottom() - FIT_SLACK;
        toolbar.update(index, zoom.mode());
        rendering.setVisible(true);

        queue.submitPage(() -> {
            PageSize size = renderer.pageSize(index);
            float pageZoom = state.zoomFor(size, width, height);
            RenderedPage page = renderer.renderPage(index, pageZoom, state.quarterTurns());
            return new Shown(FxImages.toFxImage(page.image()), page.reduced(), page.resolutionPercent(), pageZoom);
        }, shown -> {
            if (requested == generation) {
                image.setImage(shown.image());
                shownZoom = shown.zoom();
                toolbar.showZoom(shown.zoom());
                showReducedNote(shown);
                rendering.setVisible(false);
            }
        }, failure -> {
            if (requested == generation) {
                rendering.setVisible(false);
                onFailure.accept(failure);
            }
        });
    }

    private void showReducedNote(Shown shown) {
        reducedNote.setVisible(shown.reduced());
        if (shown.reduced()) {
            reducedNote.setText(Messages.text("viewer.reducedResolution", shown.resolutionPercent()));
        }
    }

    /** A rendered page, converted for JavaFX on the render thread, with the zoom that fitting chose. */
    private record Shown(WritableImage image, boolean reduced, int resolutionPercent, float zoom) {
    }
}
