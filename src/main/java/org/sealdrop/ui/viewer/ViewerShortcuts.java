package org.sealdrop.ui.viewer;

import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The viewer's keyboard shortcuts, as {@link ShortcutsHelp} lists them. Home, End and the arrow keys
 * are left to a focused text field or thumbnail list, where they move the caret or the selection.
 */
final class ViewerShortcuts {

    private ViewerShortcuts() {
    }

    /**
     * Handles one key press of the viewer's scene and consumes it when it was a shortcut.
     *
     * @param paged the pages shown, or null while the window shows no pages
     * @param close closes the window (Escape, Ctrl+W)
     * @param showHelp shows the list of shortcuts (F1)
     */
    static void handle(KeyEvent event, PagedView paged, Runnable close, Runnable showHelp) {
        KeyCode code = event.getCode();
        boolean shortcut = event.isShortcutDown();
        if (code == KeyCode.ESCAPE || (shortcut && code == KeyCode.W)) {
            event.consume();
            close.run();
            return;
        }
        if (code == KeyCode.F1) {
            event.consume();
            showHelp.run();
            return;
        }
        if (paged == null) {
            return;
        }
        Runnable action = shortcut ? withShortcut(code, event.isShiftDown(), paged) : plain(code, paged, event);
        if (action != null) {
            event.consume();
            action.run();
        }
    }

    private static Runnable withShortcut(KeyCode code, boolean shift, PagedView paged) {
        switch (code) {
            case PLUS:
            case EQUALS:
            case ADD:
                return paged::zoomIn;
            case MINUS:
            case SUBTRACT:
                return paged::zoomOut;
            case DIGIT0:
            case NUMPAD0:
                return paged::actualSize;
            case DIGIT1:
            case NUMPAD1:
                return paged::fitWidth;
            case DIGIT2:
            case NUMPAD2:
                return paged::fitPage;
            case R:
                return shift ? paged::rotateCounterclockwise : paged::rotateClockwise;
            default:
                return null;
        }
    }

    private static Runnable plain(KeyCode code, PagedView paged, KeyEvent event) {
        switch (code) {
            case PAGE_DOWN:
                return paged::nextPage;
            case PAGE_UP:
                return paged::previousPage;
            case F4:
                return () -> paged.thumbnailsShownProperty().set(!paged.thumbnailsShownProperty().get());
            default:
                break;
        }
        if (focusKeepsKeys(event)) {
            return null;
        }
        switch (code) {
            case HOME:
                return paged::firstPage;
            case END:
                return paged::lastPage;
            case DOWN:
                return () -> paged.scrollOrTurn(true, true);
            case UP:
                return () -> paged.scrollOrTurn(false, true);
            case RIGHT:
                return () -> paged.scrollOrTurn(true, false);
            case LEFT:
                return () -> paged.scrollOrTurn(false, false);
            default:
                return null;
        }
    }

    /** Tells whether the focused control uses Home, End and the arrows itself. */
    private static boolean focusKeepsKeys(KeyEvent event) {
        if (!(event.getTarget() instanceof Node)) {
            return false;
        }
        Node focused = ((Node) event.getTarget()).getScene().getFocusOwner();
        return focused instanceof TextInputControl || focused instanceof ListView;
    }
}
