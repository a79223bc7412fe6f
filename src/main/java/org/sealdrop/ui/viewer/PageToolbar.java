package org.sealdrop.ui.viewer;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import org.sealdrop.ui.Messages;

/** The toolbar controls of a {@link PagedView}: page navigation, zoom, fitting, rotation and thumbnails. */
final class PageToolbar {

    private final PagedView view;
    private final int pageCount;
    private final TextField pageField = new TextField("1");
    private final Label pageCountLabel = new Label();
    private final Label zoomLabel = new Label();
    private final Button previous = new Button(Messages.text("viewer.previous"));
    private final Button next = new Button(Messages.text("viewer.next"));
    private final ToggleButton fitWidth = new ToggleButton(Messages.text("viewer.fitWidth"));
    private final ToggleButton fitPage = new ToggleButton(Messages.text("viewer.fitPage"));
    private final HBox bar;

    PageToolbar(PagedView view, int pageCount) {
        this.view = view;
        this.pageCount = pageCount;

        configure(previous, "previousPage", "viewer.previous.accessible", view::previousPage);
        configure(next, "nextPage", "viewer.next.accessible", view::nextPage);
        pageField.setId("pageField");
        pageField.setPrefColumnCount(4);
        pageField.setAccessibleText(Messages.text("viewer.pageField.accessible"));
        pageField.setOnAction(event -> goToTypedPage());
        pageField.focusedProperty().addListener((observable, was, is) -> {
            if (!is) {
                pageField.setText(Integer.toString(view.pageIndex() + 1));
            }
        });
        pageCountLabel.setId("pageCount");
        pageCountLabel.setText(Messages.text("viewer.pageCount", pageCount));

        Button zoomOut = configure(new Button(Messages.text("viewer.zoomOut")), "zoomOut", "viewer.zoomOut.accessible",
                view::zoomOut);
        Button zoomIn = configure(new Button(Messages.text("viewer.zoomIn")), "zoomIn", "viewer.zoomIn.accessible",
                view::zoomIn);
        Button actualSize = configure(new Button(Messages.text("viewer.actualSize")), "actualSize",
                "viewer.actualSize.accessible", view::actualSize);
        zoomLabel.setId("zoomLevel");
        zoomLabel.setMinWidth(48);
        configure(fitWidth, "fitWidth", "viewer.fitWidth.accessible", view::fitWidth);
        configure(fitPage, "fitPage", "viewer.fitPage.accessible", view::fitPage);
        Button rotateLeft = configure(new Button(Messages.text("viewer.rotateLeft")), "rotateLeft",
                "viewer.rotateLeft.accessible", view::rotateCounterclockwise);
        Button rotateRight = configure(new Button(Messages.text("viewer.rotateRight")), "rotateRight",
                "viewer.rotateRight.accessible", view::rotateClockwise);
        ToggleButton thumbnails = new ToggleButton(Messages.text("viewer.thumbnails"));
        thumbnails.setId("thumbnailsToggle");
        thumbnails.setAccessibleText(Messages.text("viewer.thumbnails.accessible"));
        thumbnails.setTooltip(new Tooltip(Messages.text("viewer.thumbnails.accessible")));
        thumbnails.selectedProperty().bindBidirectional(view.thumbnailsShownProperty());

        bar = new HBox(6, thumbnails, separator(), previous, pageField, pageCountLabel, next, separator(),
                zoomOut, zoomLabel, zoomIn, actualSize, fitWidth, fitPage, separator(), rotateLeft, rotateRight);
        bar.setAlignment(Pos.CENTER);
    }

    Node node() {
        return bar;
    }

    /** Shows the page number and the fit mode of a render that was just requested. */
    void update(int pageIndex, ZoomState.Mode mode) {
        pageField.setText(Integer.toString(pageIndex + 1));
        previous.setDisable(pageIndex == 0);
        next.setDisable(pageIndex == pageCount - 1);
        fitWidth.setSelected(mode == ZoomState.Mode.FIT_WIDTH);
        fitPage.setSelected(mode == ZoomState.Mode.FIT_PAGE);
    }

    /** Shows the zoom a page was rendered at. */
    void showZoom(float zoom) {
        zoomLabel.setText(Messages.text("viewer.zoom.value", Math.round(zoom * 100)));
    }

    private <B extends ButtonBase> B configure(B button, String id, String accessibleKey, Runnable action) {
        button.setId(id);
        button.setAccessibleText(Messages.text(accessibleKey));
        button.setTooltip(new Tooltip(Messages.text(accessibleKey)));
        button.setOnAction(event -> action.run());
        return button;
    }

    private void goToTypedPage() {
        try {
            int typed = Integer.parseInt(pageField.getText().trim());
            view.showPage(typed - 1);
        } catch (NumberFormatException e) {
            pageField.setText(Integer.toString(view.pageIndex() + 1));
        }
    }

    private static Node separator() {
        return new Separator(Orientation.VERTICAL);
    }
}
