package org.sealdrop.ui.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sealdrop.viewer.PageSize;

/** The zoom arithmetic of the viewer, without JavaFX. */
class ZoomStateTest {

    private static final PageSize A4 = new PageSize(794, 1123);

    @Test
    void stepsFromShownZoom() {
        ZoomState zoom = new ZoomState(1f);

        zoom.zoomIn(1f);
        assertEquals(1.25f, zoom.zoomFor(A4, 800, 600));
        zoom.zoomOut(1.25f);
        zoom.zoomOut(1f);
        assertEquals(0.75f, zoom.zoomFor(A4, 800, 600));

        // From a fitted 0.6, zooming in goes to the next step above it, not above the last fixed zoom.
        zoom.fitWidth();
        zoom.zoomIn(0.6f);
        assertEquals(ZoomState.Mode.FIXED, zoom.mode());
        assertEquals(0.75f, zoom.zoomFor(A4, 800, 600));
    }

    @Test
    void zoomStaysWithinLimits() {
        ZoomState zoom = new ZoomState(1f);

        zoom.zoomIn(ZoomState.MAX_ZOOM);
        assertEquals(ZoomState.MAX_ZOOM, zoom.zoomFor(A4, 800, 600));
        zoom.zoomOut(ZoomState.MIN_ZOOM);
        assertEquals(ZoomState.MIN_ZOOM, zoom.zoomFor(A4, 800, 600));
    }

    @Test
    void fitWidthAndPage() {
        ZoomState zoom = new ZoomState(1f);

        zoom.fitWidth();
        assertEquals(397f / 794, zoom.zoomFor(A4, 397, 300), 1e-6);
        zoom.fitPage();
        assertEquals(300f / 1123, zoom.zoomFor(A4, 397, 300), 1e-6);
    }

    @Test
    void fitUsesRotatedPage() {
        ZoomState zoom = new ZoomState(1f);
        zoom.rotateClockwise();
        zoom.fitWidth();

        assertEquals(1123f / 1123, zoom.zoomFor(A4, 1123, 300), 1e-6);
        zoom.rotateCounterclockwise();
        zoom.rotateCounterclockwise();
        assertEquals(3, zoom.quarterTurns());
    }

    @Test
    void fitWaitsForLayout() {
        ZoomState zoom = new ZoomState(0.5f);
        zoom.fitWidth();

        assertEquals(0.5f, zoom.zoomFor(A4, 0, 0), "before the window is laid out the fixed zoom stays");
    }
}
