package org.sealdrop.ui.viewer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import org.sealdrop.ui.ErrorReport;
import org.sealdrop.ui.Messages;
import org.sealdrop.viewer.PageRenderer;
import org.sealdrop.viewer.PageSize;

/**
 * A sidebar of small page pictures. A thumbnail is rendered only when its cell first shows, on the
 * window's render queue behind any page render, and kept until the rotation changes. The current
 * page is the selected cell; a click or Enter on a cell goes to that page.
 */
final class ThumbnailStrip {

    /** Longest side of a thumbnail, in pixels. */
    static final double THUMBNAIL_SIZE = 96;

    private final PageRenderer renderer;
    private final RenderQueue queue;
    private final IntConsumer onChoose;
    private final Consumer<Throwable> onAltered;
    private final ListView<Integer> list;
    private final Map<Integer, Image> rendered = new HashMap<>();
    private final Set<Integer> requested = new HashSet<>();
    // The list's cells, to put an arriving picture into the cell that shows its page. Refreshing the
    // whole list instead would recreate the cells and could drop a click that is under way.
    private final List<ThumbnailCell> cells = new ArrayList<>();
    private int quarterTurns;
    private boolean selecting;

    /** @param onAltered receives an {@code SD-INTEGRITY} failure, which ends the whole document */
    ThumbnailStrip(PageRenderer renderer, RenderQueue queue, IntConsumer onChoose, Consumer<Throwable> onAltered) {
        this.renderer = renderer;
        this.queue = queue;
        this.onChoose = onChoose;
        this.onAltered = onAltered;
        list = new ListView<>(FXCollections.observableArrayList(
                IntStream.range(0, renderer.pageCount()).boxed().toList()));
        list.setId("thumbnails");
        list.setAccessibleText(Messages.text("viewer.thumbnails.accessible"));
        list.setPrefWidth(THUMBNAIL_SIZE + 48);
        list.setCellFactory(view -> new ThumbnailCell());
        list.getSelectionModel().select(0);
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY) {
                chooseSelected();
            }
        });
        list.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                event.consume();
                chooseSelected();
            }
        });
    }

    Node node() {
        return list;
    }

    /** Highlights the page shown and scrolls it into view, without going to it again. */
    void select(int pageIndex) {
        selecting = true;
        try {
            list.getSelectionModel().select(pageIndex);
            list.scrollTo(Math.max(0, pageIndex - 1));
        } finally {
            selecting = false;
        }
    }

    /** Renders the thumbnails again, turned like the page. */
    void setQuarterTurns(int turns) {
        if (turns != quarterTurns) {
            quarterTurns = turns;
            rendered.clear();
            requested.clear();
            cells.forEach(ThumbnailCell::showPicture);
        }
    }

    private void chooseSelected() {
        Integer page = list.getSelectionModel().getSelectedItem();
        if (page != null && !selecting) {
            onChoose.accept(page);
        }
    }

    private void request(int pageIndex) {
        if (!requested.add(pageIndex)) {
            return;
        }
        int turns = quarterTurns;
        queue.submitThumbnail(() -> {
            PageSize size = renderer.pageSize(pageIndex);
            float zoom = (float) (THUMBNAIL_SIZE / Math.max(1.0, Math.max(size.width(), size.height())));
            return FxImages.toFxImage(renderer.renderPage(pageIndex, zoom, turns).image());
        }, image -> {
            if (turns == quarterTurns) {
                rendered.put(pageIndex, image);
                cells.stream().filter(cell -> !cell.isEmpty() && Integer.valueOf(pageIndex).equals(cell.getItem()))
                        .forEach(ThumbnailCell::showPicture);
            }
        }, failure -> {
            // The page itself reports other failures when it is shown, so a thumbnail just stays empty.
            if (ErrorReport.INTEGRITY.equals(ErrorReport.of(failure).code())) {
                onAltered.accept(failure);
            }
        });
    }

    /** One page in the strip: its picture, once rendered, over its number. */
    private final class ThumbnailCell extends ListCell<Integer> {

        private final ImageView picture = new ImageView();
        private final Label number = new Label();
        private final VBox box = new VBox(4, picture, number);

        ThumbnailCell() {
            box.setAlignment(Pos.CENTER);
            box.setMinHeight(THUMBNAIL_SIZE + 24);
            getStyleClass().add("thumbnail-cell");
            cells.add(this);
        }

        /** Shows the page's picture, or requests it if it has not been rendered yet. */
        void showPicture() {
            Integer page = getItem();
            if (isEmpty() || page == null) {
                return;
            }
            picture.setImage(rendered.get(page));
            if (!rendered.containsKey(page)) {
                request(page);
            }
        }

        @Override
        protected void updateItem(Integer page, boolean empty) {
            super.updateItem(page, empty);
            if (empty || page == null) {
                setId(null);
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            setId("thumbnail-" + (page + 1));
            number.setText(Integer.toString(page + 1));
            setAccessibleText(Messages.text("viewer.thumbnail.accessible", page + 1));
            showPicture();
            setGraphic(box);
        }
    }
}
