package org.sealdrop.ui.viewer;

import org.sealdrop.viewer.PageRotation;
import org.sealdrop.viewer.PageSize;

/**
 * Zoom, fit mode and rotation of a viewer: a view model without JavaFX, so its arithmetic is tested
 * on its own. Rotation turns the view only; the document is never changed.
 */
final class ZoomState {

    /** Way of choosing the zoom: a fixed factor, or the factor that fits the page into the visible area. */
    enum Mode { FIXED, FIT_WIDTH, FIT_PAGE }

    static final float[] ZOOM_STEPS = {0.25f, 0.5f, 0.75f, 1f, 1.25f, 1.5f, 2f, 3f, 4f};
    static final float MIN_ZOOM = ZOOM_STEPS[0] / 2;
    static final float MAX_ZOOM = ZOOM_STEPS[ZOOM_STEPS.length - 1];

    private Mode mode = Mode.FIXED;
    private float fixedZoom;
    private int quarterTurns;

    ZoomState(float initialZoom) {
        this.fixedZoom = initialZoom;
    }

    /** Returns a copy for a render thread, so that it reads a state the window thread no longer changes. */
    ZoomState copy() {
        ZoomState copy = new ZoomState(fixedZoom);
        copy.mode = mode;
        copy.quarterTurns = quarterTurns;
        return copy;
    }

    Mode mode() {
        return mode;
    }

    /** Clockwise quarter turns of the view, 0..3. */
    int quarterTurns() {
        return quarterTurns;
    }

    void rotateClockwise() {
        quarterTurns = PageRotation.normalize(quarterTurns + 1);
    }

    void rotateCounterclockwise() {
        quarterTurns = PageRotation.normalize(quarterTurns - 1);
    }

    void fitWidth() {
        mode = Mode.FIT_WIDTH;
    }

    void fitPage() {
        mode = Mode.FIT_PAGE;
    }

    /** Sets a fixed zoom, clamped to {@link #MIN_ZOOM}..{@link #MAX_ZOOM}. */
    void setZoom(float zoom) {
        mode = Mode.FIXED;
        fixedZoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
    }

    /** Moves to the next zoom step above {@code current}, the zoom now shown (which fitting may have set). */
    void zoomIn(float current) {
        for (float step : ZOOM_STEPS) {
            if (step > current * 1.01f) {
                setZoom(step);
                return;
            }
        }
        setZoom(MAX_ZOOM);
    }

    /** Moves to the next zoom step below {@code current}. */
    void zoomOut(float current) {
        for (int i = ZOOM_STEPS.length - 1; i >= 0; i--) {
            if (ZOOM_STEPS[i] < current * 0.99f) {
                setZoom(ZOOM_STEPS[i]);
                return;
            }
        }
        setZoom(MIN_ZOOM);
    }

    /**
     * Returns the zoom to render a page at.
     *
     * @param page the page's size at zoom 1.0, before the view's rotation
     * @param availableWidth width in pixels that the page may take; while it is under 1 pixel (a
     *     window not laid out yet), the last fixed zoom is used
     * @param availableHeight height in pixels that the page may take, used by fit page
     */
    float zoomFor(PageSize page, double availableWidth, double availableHeight) {
        if (mode == Mode.FIXED || availableWidth < 1 || page.width() <= 0 || page.height() <= 0) {
            return fixedZoom;
        }
        PageSize turned = page.rotated(quarterTurns);
        double zoom = availableWidth / turned.width();
        if (mode == Mode.FIT_PAGE && availableHeight >= 1) {
            zoom = Math.min(zoom, availableHeight / turned.height());
        }
        return (float) Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
    }
}
