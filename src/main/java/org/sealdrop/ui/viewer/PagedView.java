package org.sealdrop.ui.viewer;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.sealdrop.ui.BackgroundTasks;
import org.sealdrop.ui.Messages;
import org.sealdrop.viewer.PageRenderer;

/**
 * Pages of a PDF or frames of an image with previous/next, a page number field, the page count and
 * zoom. Each page is rendered off the application thread; a result that arrives after the user
 * moved on is dropped.
 */
final class PagedView {

    static final float[] ZOOM_STEPS = {0.25f, 0.5f, 0.75f, 1f, 1.25f, 1.5f, 2f, 3f, 4f};

    private final PageRenderer renderer;
    private final Executor executor;
    private final Consumer<Throwable> onFailure;
    private final int pageCount;
    private int pageIndex;
    private int zoomStep;
    private volatile long generation;

    private final ImageView image = new ImageView();
    private final TextField pageField = new TextField("1");
    private final Label pageCountLabel = new Label();
    private final Label zoomLabel = new Label();
    private final Button previous = new Button(Messages.text("viewer.previous"));
    private final Button next = new Button(Messages.text("viewer.next"));
    private final ProgressIndicator rendering = new ProgressIndicator();
    private final ScrollPane pages;
    private final Node controls;

    /** @param initialZoom one of {@link #ZOOM_STEPS} */
    PagedView(PageRenderer renderer, float initialZoom, Executor executor, Consumer<Throwable> onFailure) {
        this.renderer = renderer;
        this.executor = executor;
        this.onFailure = onFailure;
        this.pageCount = renderer.pageCount();
        this.zoomStep = zoomStepOf(initialZoom);

        image.setId("pageImage");
        image.setPreserveRatio(true);
        image.setAccessibleText(Messages.text("viewer.page.accessible"));
        rendering.setMaxSize(48, 48);
        StackPane page = new StackPane(image, rendering);
        page.getStyleClass().add("page-area");
        pages = new ScrollPane(page);
        pages.setId("pageScroll");
        pages.setFitToWidth(true);
        pages.setFitToHeight(true);
        pages.setPannable(true);
        controls = pageBar();
    }

    /** The scrollable page. */
    Node pages() {
        return pages;
    }

    /** Page and zoom controls, for the window's toolbar. */
    Node controls() {
        return controls;
    }

    /** Zero-based index of the page shown or being rendered. */
    int pageIndex() {
        return pageIndex;
    }

    void showPage(int index) {
        pageIndex = Math.max(0, Math.min(pageCount - 1, index));
        pageField.setText(Integer.toString(pageIndex + 1));
        previous.setDisable(pageIndex == 0);
        next.setDisable(pageIndex == pageCount - 1);
        render();
    }

    void nextPage() {
        showPage(pageIndex + 1);
    }

    void previousPage() {
        showPage(pageIndex - 1);
    }

    void zoomIn() {
        setZoomStep(zoomStep + 1);
    }

    void zoomOut() {
        setZoomStep(zoomStep - 1);
    }

    private void setZoomStep(int step) {
        int clamped = Math.max(0, Math.min(ZOOM_STEPS.length - 1, step));
        if (clamped != zoomStep) {
            zoomStep = clamped;
            render();
        }
    }

    private void render() {
        long requested = ++generation;
        int index = pageIndex;
        float zoom = ZOOM_STEPS[zoomStep];
        zoomLabel.setText(Messages.text("viewer.zoom.value", Math.round(zoom * 100)));
        rendering.setVisible(true);

        BackgroundTasks.run(executor, () -> {
            // Skip a page the user has already moved past.
            if (requested != generation) {
                return null;
            }
            return FxImages.toFxImage(renderer.render(index, zoom));
        }, (WritableImage rendered) -> {
            if (requested == generation && rendered != null) {
                image.setImage(rendered);
                rendering.setVisible(false);
            }
        }, failure -> {
            if (requested == generation) {
                rendering.setVisible(false);
                onFailure.accept(failure);
            }
        });
    }

    private Node pageBar() {
        previous.setId("previousPage");
        previous.setAccessibleText(Messages.text("viewer.previous.accessible"));
        previous.setOnAction(event -> previousPage());
        next.setId("nextPage");
        next.setAccessibleText(Messages.text("viewer.next.accessible"));
        next.setOnAction(event -> nextPage());

        pageField.setId("pageField");
        pageField.setPrefColumnCount(4);
        pageField.setAccessibleText(Messages.text("viewer.pageField.accessible"));
        pageField.setOnAction(event -> goToTypedPage());
        pageField.focusedProperty().addListener((observable, was, is) -> {
            if (!is) {
                pageField.setText(Integer.toString(pageIndex + 1));
            }
        });
        pageCountLabel.setId("pageCount");
        pageCountLabel.setText(Messages.text("viewer.pageCount", pageCount));

        Button zoomOut = new Button(Messages.text("viewer.zoomOut"));
        zoomOut.setId("zoomOut");
        zoomOut.setAccessibleText(Messages.text("viewer.zoomOut.accessible"));
        zoomOut.setOnAction(event -> zoomOut());
        Button zoomIn = new Button(Messages.text("viewer.zoomIn"));
        zoomIn.setId("zoomIn");
        zoomIn.setAccessibleText(Messages.text("viewer.zoomIn.accessible"));
        zoomIn.setOnAction(event -> zoomIn());
        zoomLabel.setId("zoomLevel");
        zoomLabel.setMinWidth(48);

        Region gap = new Region();
        gap.setMinWidth(12);
        HBox bar = new HBox(6, previous, pageField, pageCountLabel, next, gap, zoomOut, zoomLabel, zoomIn);
        bar.setAlignment(Pos.CENTER);
        return bar;
    }

    private void goToTypedPage() {
        try {
            int typed = Integer.parseInt(pageField.getText().trim());
            showPage(typed - 1);
        } catch (NumberFormatException e) {
            pageField.setText(Integer.toString(pageIndex + 1));
        }
    }

    private static int zoomStepOf(float zoom) {
        for (int step = 0; step < ZOOM_STEPS.length; step++) {
            if (ZOOM_STEPS[step] == zoom) {
                return step;
            }
        }
        throw new IllegalArgumentException("Zoom " + zoom + " is not one of the zoom steps.");
    }
}
