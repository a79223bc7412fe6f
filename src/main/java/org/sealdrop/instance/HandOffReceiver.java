package org.sealdrop.instance;

import java.nio.file.Path;
import java.util.List;

/** The running window's side of a hand-off: what it does when a second start hands files over. */
@FunctionalInterface
public interface HandOffReceiver {

    /**
     * Takes the files of one hand-off and brings the window to the front. Called on the listener's
     * thread, so an implementation passes the work on to its own thread and returns quickly.
     *
     * @param files absolute paths, possibly none when the second start had no file arguments
     * @throws IllegalStateException when the window no longer takes files, for example while it closes
     */
    void receive(List<Path> files);
}
